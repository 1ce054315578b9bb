package org.drugstats.core.tracker;

/**
 * The twelve persistent and emerging challenges that Member States listed in the 2019 Ministerial Declaration of
 * the Commission on Narcotic Drugs, in the order of the declaration, as restated in the Secretariat's background
 * note for the round tables of the 67th session ("Roundtable I: Taking stock", E/CN.7/2024, 20 February 2024).
 *
 * <p>{@link #text()} is a short restatement of the challenge, close to the declaration's wording so that a reader can
 * find it there; {@link #letter()} is the label (a)–(l) used by the tracker's contract ({@code challenge} column).
 */
public enum Challenge {
    A("a", "Drug markets expanding and diversifying",
            "The range of drugs and drug markets are expanding and diversifying."),
    B("b", "Cultivation, production and trafficking at record levels",
            "Illicit cultivation and production of drugs and illicit trafficking have reached record levels."),
    C("c", "Links between drug trafficking, corruption and other crime",
            "Links between drug trafficking, corruption and other forms of organized crime are increasing."),
    D("d", "Confiscated proceeds of crime remain low",
            "The value of confiscated proceeds of drug-related money-laundering remains low at the global level."),
    E("e", "Availability of controlled medicines remains low",
            "Availability of internationally controlled substances for medical and scientific purposes, including"
                    + " for pain relief and palliative care, remains low to non-existent in many parts of the world."),
    F("f", "Treatment falls short; deaths have increased",
            "Drug treatment and health services continue to fall short of meeting needs, and deaths related to"
                    + " drug use have increased."),
    G("g", "HIV, HCV and other blood-borne diseases",
            "The rate of transmission of HIV, hepatitis C and other blood-borne diseases associated with drug use,"
                    + " including injecting, remains high in some countries."),
    H("h", "Health risks of new psychoactive substances",
            "The adverse health consequences and risks of new psychoactive substances have reached alarming levels."),
    I("i", "Synthetic opioids and non-medical use of prescription drugs",
            "Synthetic opioids and the non-medical use of prescription drugs present increasing risks to public"
                    + " health and safety."),
    J("j", "Criminal misuse of information and communications technologies",
            "The criminal misuse of information and communications technologies for illicit drug-related"
                    + " activities is increasing."),
    K("k", "Coverage and availability of reliable data",
            "The geographical coverage and availability of reliable data on the world drug problem require"
                    + " improvement."),
    L("l", "Responses not in conformity with the conventions and human rights",
            "Responses not in conformity with the three drug control conventions and with applicable international"
                    + " human rights obligations are a challenge to the implementation of joint commitments.");

    /** Where the list of challenges is stated. */
    public static final String SOURCE = "2019 Ministerial Declaration of the Commission on Narcotic Drugs, as restated"
            + " in the background note for the round tables of the CND's 67th session (E/CN.7/2024, 20 February"
            + " 2024), Roundtable I";

    private final String letter;
    private final String title;
    private final String text;

    Challenge(String letter, String title, String text) {
        this.letter = letter;
        this.title = title;
        this.text = text;
    }

    /** The label a … l. */
    public String letter() {
        return letter;
    }

    /** A short title for tables. */
    public String title() {
        return title;
    }

    /** The challenge restated in one sentence. */
    public String text() {
        return text;
    }

    /** The challenge labelled {@code letter} (case-insensitive). */
    public static Challenge ofLetter(String letter) {
        for (Challenge c : values()) {
            if (c.letter.equalsIgnoreCase(letter.strip())) {
                return c;
            }
        }
        throw org.drugstats.core.DrugstatsException.of("unknown challenge '%s': expected a letter a to l", letter);
    }
}
