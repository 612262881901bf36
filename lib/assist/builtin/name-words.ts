/**
 * Small word lists the rules need beside compromise's lexicon. They are
 * general English news vocabulary, not taken from the seed articles.
 */

/** Titles and ranks that precede a name and are not part of it ("President", "Col.", "King"). */
export const TITLES = new Set(
  (
    "president vice prime minister secretary deputy foreign interior defense defence state chief spokesman spokeswoman spokesperson " +
    "king queen prince princess sheikh emir sultan ayatollah imam pope cardinal bishop archbishop rabbi rev father sister " +
    "mr mrs ms miss dr prof sir dame lord lady gen general lt lieutenant col colonel maj major capt captain sgt sergeant cpl " +
    "adm admiral cmdr commander brig marshal sen senator rep representative gov governor mayor judge justice ambassador " +
    "chairman chairwoman chair ceo director envoy commissioner"
  ).split(" "),
);

/** Lowercase particles of Arabic, Dutch, German, Romance names ("al-Abadi", "van Gogh"). */
export const NAME_PARTICLES = new Set("al el bin ibn abu bint ben de del della der den di da das dos du la le van von ter ten".split(" "));

/**
 * Religious and ethnic groups (NORP) that compromise does not tag as
 * demonyms; compromise knows nationalities ("Iraqi", "Russian").
 */
export const GROUP_WORDS = new Set(
  (
    "Arab Arabs Kurd Kurds Kurdish Turkmen Yazidi Yazidis Druze Alawite Alawites Shiite Shiites Shia Shi'ite Shi’ite Sunni Sunnis " +
    "Muslim Muslims Islamist Islamists Christian Christians Catholic Catholics Protestant Protestants Orthodox Coptic Copts Jewish Jew Jews " +
    "Hindu Hindus Sikh Sikhs Buddhist Buddhists Maronite Maronites Pashtun Pashtuns Tajik Tajiks Hazara Hazaras Baluch Uighur Uighurs Uyghur Uyghurs " +
    "Republican Republicans Democrat Democrats Communist Communists Socialist Socialists Bolshevik Bolsheviks"
  ).split(" "),
);

/** Head words of named events ("General Assembly", "Gulf War"); compromise has no event type. */
export const EVENT_WORDS = new Set(
  "assembly summit war wars revolution uprising olympics games cup championship championships election elections referendum festival expo forum talks accords accord treaty crisis massacre offensive operation".split(
    " ",
  ),
);

/** Head words of organisations that compromise's own list lacks: armed, political and state bodies. */
export const ORG_WORDS = new Set(
  "command forces guard guards brigade brigades battalion regiment militia front party movement navy alliance mission parliament cabinet senate congress court".split(
    " ",
  ),
);

/**
 * compromise's place head words split by what they name: natural features
 * are LOC, administrative units GPE, buildings and sites FAC.
 */
export const GPE_PLACE_WORDS = new Set(
  "county district municipality prefecture province region state territory borough burough metropolis city town township hamlet country kingdom enclave ward".split(
    " ",
  ),
);
export const FAC_PLACE_WORDS = new Set(
  (
    "airport amphitheater arch arena auditorium bar barn basilica battlefield bridge building castle centre coliseum cineplex complex dam " +
    "fort gymnasium hall house levee library manor memorial monument museum gallery palace pillar playhouse stadium tower " +
    "ave st street rd road lane avenue base airbase"
  ).split(" "),
);

/** Places compromise's lexicon knows that are not geopolitical entities: continents and wide regions (LOC). */
export const LOC_NAMES = new Set(
  (
    "africa|asia|europe|americas|antarctica|oceania|arctic|antarctic|north america|south america|latin america|central america|" +
    "middle east|near east|far east|central asia|southeast asia|south asia|east asia|caucasus|balkans|levant|maghreb|sahel|sahara|" +
    "mediterranean|scandinavia|siberia|caribbean"
  ).split("|"),
);
