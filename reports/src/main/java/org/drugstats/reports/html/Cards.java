package org.drugstats.reports.html;

import java.util.List;

/**
 * A grid of headline cards.
 *
 * @param cards the cards, in reading order
 */
public record Cards(List<Card> cards) implements Block {
    public Cards {
        cards = List.copyOf(cards);
    }

    @Override
    public String kind() {
        return "cards";
    }
}
