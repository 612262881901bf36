/**
 * The gold entity mentions of the five seed articles, decided by reading them
 * (not by any recognizer). Every mention is listed in reading order;
 * resolve-mentions.ts finds the offsets and build-gold-cli.ts writes
 * seeds/gold-entities.jsonl.
 *
 * Conventions (the label descriptions of lib/projects/default-labels.ts, made
 * precise; spans never overlap or nest):
 * - Names only, with no article, title or generic descriptor: "President",
 *   "Col.", "King", "Prime Minister" are left out ("Salman", not "King
 *   Salman"); so are "the", "group", "city", "province" ("the Islamic State
 *   group" → "Islamic State", "the Syrian coastal city of Latakia" →
 *   "Latakia", "The New York Times" → "New York Times").
 * - Possessive "'s"/"’s" is left out ("Iraq’s" → "Iraq"); a name inside a
 *   compound is marked on its own ("U.S.-led coalition" → "U.S." GPE,
 *   "Baghdad-based" → "Baghdad", "Russia-controlled" → "Russia").
 * - GPE: countries, cities, provinces, also when they stand for a government
 *   (Washington, Moscow, Damascus). LOC: other places (Middle East). The
 *   Kremlin and the White House, speaking or employing, are ORG.
 * - NORP: nationality and religious adjectives and nouns (Iraqi, Russian,
 *   Shiite, Shia, Alawite; "Sunni Arab" is one span). Languages (Arabic,
 *   English) are not NORP. A capitalised name that begins with a demonym is
 *   one ORG ("Russian Foreign Ministry"); a lowercase head after a demonym is
 *   not a name ("Russian government" → "Russian" NORP).
 * - ORG: every spelling of the same group is marked (Islamic State, IS, ISIS,
 *   ISIL, Daesh); outlets and agencies (Interfax, AFP, UPI, RFE/RL); the
 *   Iraqi "joint operations command" is marked also where it is written in
 *   lower case.
 * - EVENT: "U.N. General Assembly", "UN General Assembly". FAC: named
 *   facilities only; the seeds name none ("an air base", "an airport" are
 *   descriptions, not names).
 * - DATE: the whole temporal expression with its determiner and relative
 *   word ("the past three months", "more than two weeks ago", "earlier this
 *   month", "a day earlier", "Sunday, September 27"), without a preposition
 *   that introduces it ("since 2011" → "2011", "two days before …" → "two
 *   days"). Times of day ("11:00 GMT") are not dates.
 * - QUANTITY: the number with its comparative ("more than 240,000", "about a
 *   third") and its unit of measure or currency ("$650 million", "more than
 *   1.1 billion manats", "100%"), without the counted noun ("192" of "192
 *   Azerbaijani troops", "two" of "the two men"); page furniture counts
 *   too ("100%" of "100% Font Size", "16x9" of "16x9 Image").
 * - The whole text is labelled, site boilerplate and footers included: the
 *   recognizer reads them too.
 */
import type { GoldMention } from "./resolve-mentions";

const PERSON = "PERSON";
const ORG = "ORG";
const GPE = "GPE";
const LOC = "LOC";
const NORP = "NORP";
const EVENT = "EVENT";
const DATE = "DATE";
const QUANTITY = "QUANTITY";

// One row per paragraph of the article, so the list reads beside the text:
// prettier-ignore
export const SEED_GOLD_MENTIONS: Record<string, GoldMention[]> = {
  "000_9f7a17907ce0fe61.txt": [
    ["Iraq", GPE], ["Russia", GPE], ["Syria", GPE], ["Iran", GPE],
    ["Iraq", GPE], ["Assad", PERSON], ["U.S.", GPE], ["ISIS", ORG],
    ["100%", QUANTITY],
    ["Iraqi", NORP], ["Haider al-Abadi", PERSON], ["Russia", GPE], ["Syria", GPE], ["Iran", GPE], ["Baghdad", GPE], ["Islamic State", ORG],
    ["Iraq", GPE], ["Syrian", NORP], ["Bashar Assad", PERSON], ["two", QUANTITY], ["U.S.", GPE], ["ISIS", ORG],
    ["Moscow", GPE], ["Syria", GPE], ["Assad", PERSON], ["Syrian", NORP], ["Latakia", GPE], ["U.S.", GPE],
    ["U.N. General Assembly", EVENT], ["al-Abadi", PERSON], ["Iraq", GPE], ["Russia", GPE], ["ISIS", ORG],
    ["the past three months", DATE], ["Russia", GPE], ["Daesh", ORG], ["Russian", NORP], ["Russia", GPE], ["al-Abadi", PERSON], ["ISIS", ORG],
    ["Syria", GPE], ["Iraq", GPE],
    ["U.S.", GPE], ["ISIS", ORG], ["Syria", GPE], ["Iraq", GPE], ["Iraq", GPE], ["Daesh", ORG],
    ["Iraq", GPE], ["Iran", GPE], ["Tehran", GPE], ["ISIS", ORG], ["about a third", QUANTITY], ["Iraq", GPE], ["Syria", GPE],
    ["Iran", GPE], ["Iraq", GPE], ["Shiite", NORP], ["IS", ORG],
    ["U.S.", GPE], ["ISIS", ORG], ["Iraq", GPE], ["Syria", GPE], ["Iraqi", NORP], ["U.S.", GPE], ["Iran", GPE],
    ["U.S.", GPE], ["Syria", GPE], ["Assad", PERSON], ["Washington", GPE], ["Russia", GPE], ["Iran", GPE], ["Assad", PERSON], ["Syria", GPE],
    ["2011", DATE],
  ],
  "001_fb174661902030f7.txt": [
    ["Iraq", GPE], ["Russia", GPE], ["Iran", GPE], ["Syria", GPE], ["Daesh", ORG],
    ["September 28th, 2015", DATE],
    ["Iraq", GPE], ["Islamic State", ORG], ["Russia", GPE], ["Iran", GPE], ["Syrian", NORP], ["Bashar al-Assad", PERSON], ["Iraqi", NORP],
    ["Sunday", DATE],
    ["Washington Post", ORG], ["Nasir Nouri Mohammed", PERSON], ["Iraq", GPE], ["four", QUANTITY], ["Baghdad", GPE], ["weeks", DATE],
    ["US", GPE], ["Barack Obama", PERSON], ["more than a year", DATE], ["Iraq", GPE], ["Syria", GPE],
    ["New York Times", ORG], ["US", GPE], ["John Kerry", PERSON, { inWord: true }], ["New York", GPE], ["Russian", NORP],
    ["Sergey V. Lavrov", PERSON],
    ["Russian", NORP], ["Syria", GPE], ["Latakia", GPE], ["Alawite", NORP], ["Assad", PERSON], ["Moscow", GPE], ["Russian", NORP],
    ["earlier this month", DATE],
    ["Russia", GPE], ["Iran", GPE], ["Assad", PERSON], ["2011", DATE], ["Sunni Arab", NORP], ["al-Qaida", ORG], ["IS", ORG], ["Iraq", GPE],
    ["Russia", GPE],
    ["White House", ORG], ["Josh Earnest", PERSON], ["earlier this month", DATE], ["United States", GPE], ["Russian", NORP], ["IS", ORG],
    ["Iraq", GPE], ["Syria", GPE], ["Assad", PERSON], ["United States", GPE],
    ["Bulgaria", GPE], ["more than two weeks ago", DATE], ["United States", GPE], ["Russia", GPE], ["Assad", PERSON], ["Iraq", GPE],
    ["Iran", GPE], ["Moscow", GPE],
    ["Iran", GPE], ["Baghdad", GPE], ["Shia", NORP], ["IS", ORG], ["Iraq", GPE], ["last year", DATE], ["US", GPE], ["Hashid Shaabi", ORG],
    ["Popular Mobilization Committees", ORG], ["Iraqi", NORP], ["Iraqi", NORP], ["Tikrit", GPE],
    ["Fred Lambert", PERSON],
    ["UPI", ORG], ["2021", DATE],
  ],
  "002_7ec61a1bb73bfddc.txt": [
    ["Iraq", GPE], ["Russia", GPE], ["Iran", GPE], ["Syria", GPE],
    ["Iraq", GPE], ["Russia", GPE], ["Iran", GPE], ["Syria", GPE], ["Islamic State", ORG], ["IS", ORG],
    ["Iraqi", NORP], ["joint operations command", ORG], ["September 26", DATE], ["Russian", NORP], ["thousands", QUANTITY], ["Russia", GPE],
    ["IS", ORG],
    ["a day earlier", DATE], ["Iraqi", NORP], ["Ibrahim al-Jafaari", PERSON], ["Russian", NORP],
    ["Russia", GPE], ["Syria", GPE], ["recent weeks", DATE], ["Damascus", GPE], ["IS", ORG], ["Washington", GPE],
    ["U.S.", GPE], ["Barack Obama", PERSON], ["Middle East", LOC], ["Syrian", NORP], ["American", NORP], ["Islamic State", ORG],
    ["Iraqi", NORP], ["Haidar al-Abadi", PERSON], ["AFP", ORG], ["Iraq", GPE], ["Russia", GPE], ["Syria", GPE], ["Iran", GPE], ["IS", ORG],
    ["Saad al-Hadithi", PERSON],
    ["Hadithi", PERSON],
    ["Russian", NORP], ["Interfax", ORG], ["Moscow", GPE], ["Baghdad", GPE], ["Islamic State", ORG],
    ["Russian Foreign Ministry", ORG], ["Interfax", ORG], ["September 25", DATE], ["Moscow", GPE], ["U.S.", GPE], ["IS", ORG],
    ["Damascus", GPE], ["Islamic State", ORG], ["Syria", GPE], ["United Nations", ORG],
    ["more than $20 billion", QUANTITY], ["U.S.", GPE], ["Iraq", GPE], ["the last year", DATE], ["Islamic State", ORG], ["OPEC", ORG],
    ["Russia", GPE], ["Vladimir Putin", PERSON], ["Saudi Arabia", GPE], ["Salman", PERSON], ["September 26", DATE], ["Syria", GPE],
    ["two days", DATE], ["Russian", NORP], ["UN General Assembly", EVENT], ["New York", GPE],
    ["Russia", GPE], ["two", QUANTITY], ["Islamic State", ORG], ["Kremlin", ORG],
    ["Moscow", GPE], ["Syrian", NORP], ["Bashar al-Assad", PERSON], ["four-and-a-half years", DATE], ["more than 240,000", QUANTITY],
    ["Saudi Arabia", GPE], ["U.S.", GPE], ["IS", ORG], ["Damascus", GPE],
    ["AFP", ORG], ["Reuters", ORG], ["16x9", QUANTITY],
    ["RFE/RL", ORG], ["27", QUANTITY], ["23", QUANTITY],
    ["RFE/RL", ORG], ["Russian", NORP],
    ["Russia", GPE], ["Russia", GPE], ["Ukraine", GPE], ["Russian", NORP], ["Russia", GPE], ["Russia", GPE], ["Ukraine", GPE],
  ],
  "003_2181387df6621158.txt": [
    ["Austin American-Statesman", ORG],
    ["Iraq", GPE],
    ["Baghdad", GPE], ["Syria", GPE], ["Russia", GPE], ["Iran", GPE],
    ["Qassim Abdul-Zahra", PERSON],
    ["Syria", GPE], ["Russia", GPE], ["Iran", GPE], ["U.S.", GPE], ["Damascus", GPE],
    ["Iraq", GPE], ["Sunday", DATE], ["Syria", GPE], ["Russia", GPE], ["Iran", GPE], ["Islamic State", ORG], ["U.S.", GPE], ["Damascus", GPE],
    ["Joint Operations Command", ORG],
    ["Daesh", ORG], ["IS", ORG],
    ["Iraq", GPE], ["Iran", GPE], ["Tehran", GPE], ["IS", ORG], ["about a third", QUANTITY], ["Iraq", GPE], ["Syria", GPE],
    ["Iran", GPE], ["Iraq", GPE], ["Shiite", NORP], ["IS", ORG],
    ["U.S.", GPE], ["IS", ORG], ["Iraq", GPE], ["Syria", GPE], ["Iraqi", NORP], ["U.S.", GPE], ["Iran", GPE],
    ["U.S.", GPE], ["Syrian", NORP], ["Bashar Assad", PERSON], ["Washington", GPE], ["Russia", GPE], ["Iran", GPE], ["Assad", PERSON],
    ["Syria", GPE], ["2011", DATE],
    ["Baghdad", GPE], ["U.S.", GPE, { inWord: true }], ["IS", ORG], ["Steve Warren", PERSON], ["U.S.", GPE], ["Iraq", GPE],
    ["Iraq", GPE], ["ISIL", ORG], ["ISIL", ORG], ["Warren", PERSON], ["Syrian", NORP],
    ["U.S.", GPE], ["John Kerry", PERSON], ["Russian", NORP], ["Sergei Lavrov", PERSON], ["U.N. General Assembly", EVENT], ["Sunday", DATE],
    ["Iraqi", NORP],
    ["tomorrow", DATE], ["U.S.", GPE], ["Barack Obama", PERSON], ["Russian", NORP], ["Vladimir Putin", PERSON],
    ["Lavrov", PERSON], ["Iraq", GPE], ["ISIL", ORG],
    ["Moscow", GPE], ["Syria", GPE], ["Assad", PERSON], ["Syrian", NORP], ["Latakia", GPE], ["U.S.", GPE],
    ["Iraqi", NORP], ["Moscow", GPE], ["thousands", QUANTITY], ["Russia", GPE], ["Daesh", ORG],
    ["United States", GPE],
  ],
  "004_e2613ca9649a4778.txt": [
    ["Iraq", GPE], ["IS", ORG], ["Syria", GPE], ["Russia", GPE], ["Iran", GPE],
    ["Iraq", GPE], ["IS", ORG], ["Syria", GPE], ["Russia", GPE], ["Iran", GPE],
    ["PanARMENIAN.Net", ORG], ["Iraq", GPE], ["Sunday, September 27", DATE], ["Syria", GPE], ["Russia", GPE], ["Iran", GPE],
    ["Islamic State", ORG], ["U.S.", GPE], ["Damascus", GPE], ["Associated Press", ORG],
    ["Joint Operations Command", ORG], ["Daesh", ORG], ["IS", ORG],
    ["Baghdad", GPE], ["U.S.", GPE], ["IS", ORG], ["Steve Warren", PERSON], ["U.S.", GPE], ["Iraq", GPE],
    ["Iraq", GPE], ["ISIL", ORG], ["ISIL", ORG], ["Warren", PERSON], ["Syrian", NORP],
    ["U.S.", GPE], ["John Kerry", PERSON], ["Russian", NORP], ["Sergei Lavrov", PERSON], ["UN General Assembly", EVENT], ["Sunday", DATE],
    ["Iraqi", NORP],
    ["Lavrov", PERSON], ["Iraq", GPE], ["ISIL", ORG],
    ["Moscow", GPE], ["Syria", GPE], ["Assad", PERSON], ["Syrian", NORP], ["Latakia", GPE], ["U.S.", GPE],
    ["192", QUANTITY], ["Azerbaijani", NORP], ["511", QUANTITY], ["Azerbaijan", GPE],
    ["2023", DATE], ["Azerbaijani", NORP], ["more than 1.1 billion manats", QUANTITY], ["$650 million", QUANTITY],
    ["Monday", DATE],
  ],
};
