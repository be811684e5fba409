"""Common news words in German and English with one sense each: a statement's "concepts", so that two
statements in two languages can share words ("Gericht" and "court", "Gefängnis" and "prison").

Written for this project from general knowledge of the two languages (docs/data-sources.md); no
word was taken from any article. Each line gives German words, then "=", then English words, all as
lemmas (the dictionary form simplemma gives: singular nouns, infinitives); every word of a line names
one concept, named by the line's first English word. A German compound not in the table also takes
the concept of its head when the head is ("Raumsonde" → "Sonde" → probe, "Kriegsveteran" → veteran).
"""

from __future__ import annotations

import unicodedata
from functools import cache

_TABLE = """
Gericht Gerichtshof = court
Urteil Richterspruch = verdict judgment ruling
Richter Richterin = judge
Staatsanwalt Staatsanwältin Staatsanwaltschaft Anklage = prosecutor prosecution
Anwalt Anwältin Verteidiger Verteidigerin = lawyer attorney
Angeklagte Angeklagter = defendant accused
Prozess Verfahren = trial
Berufung = appeal
Freispruch freisprechen = acquittal acquit
verurteilen Verurteilung = convict conviction sentence
Gefängnis Haft Haftstrafe Gefängnisstrafe = prison jail imprisonment sentence
Strafe Geldstrafe = penalty
Polizei Polizist Polizistin Beamter Beamte = police officer
Festnahme festnehmen verhaften Verhaftung = arrest detain
Verdächtige Verdächtiger Tatverdächtige Tatverdächtiger = suspect
Täter Täterin = perpetrator attacker
Opfer = victim
Zeuge Zeugin = witness
Ermittlung ermitteln Ermittler = investigation investigate investigator
Mord ermorden Mörder = murder murderer
töten Tötung = kill killing
tot Tote Toter Leiche = dead body
sterben Tod = die death
Angriff angreifen Anschlag Attacke = attack
Explosion explodieren = explosion explode
Bombe Sprengsatz = bomb
Waffe = weapon gun
Messer = knife
schießen Schuss Schüsse = shoot shot
verletzen Verletzte Verletzter verletzt Verletzung = injure injured wound
Krankenhaus Klinik Klinikum = hospital clinic
Feuer Brand brennen = fire blaze burn
Feuerwehr = firefighter
Unfall Unglück = accident crash
Zug Bahn = train railway
Flugzeug = plane aircraft
Flughafen = airport
Schiff Boot = ship boat vessel
Auto Wagen Fahrzeug = car vehicle
Straße = road street
Brücke = bridge
Hochwasser Überschwemmung Flut = flood
Sturm Unwetter = storm
Erdbeben = earthquake
Regierung = government
Minister Ministerin = minister
Ministerium = ministry
Kanzler Kanzlerin Bundeskanzler Bundeskanzlerin = chancellor
Präsident Präsidentin = president
Bürgermeister Bürgermeisterin = mayor
Parlament Bundestag = parliament
Abgeordnete Abgeordneter = lawmaker deputy
Partei = party
Wahl wählen = election vote
Stimme = vote voice
Gesetz = law
Vorsitzende Vorsitzender Chef Chefin = chairman chair leader
Sprecher Sprecherin = spokesman spokeswoman spokesperson
Behörde = authority
Armee Militär Streitkräfte = army military
Soldat Soldatin = soldier
Krieg = war
Waffenruhe Waffenstillstand = ceasefire truce
Frieden = peace
Grenze = border
Flüchtling Geflüchtete = refugee
Protest protestieren Demonstration demonstrieren = protest demonstration
Streik streiken = strike
Gewerkschaft = union
Unternehmen Firma Konzern = company firm
Bank = bank
Geld = money
Preis = price prize
Kosten = cost
Steuer = tax
Schulden = debt
Million = million
Milliarde = billion
Prozent = percent
Euro = euro
Dollar = dollar
Wirtschaft = economy
Umsatz = revenue sales
Gewinn = profit
Verlust = loss
Arbeitsplatz Job = job
Mitarbeiter Mitarbeiterin Beschäftigte Angestellte = employee worker staff
Fabrik Werk = factory plant
Markt = market
Handel = trade
Vertrag Abkommen = contract agreement treaty deal
Kunde Kundin = customer
Schule = school
Schüler Schülerin = pupil student
Lehrer Lehrerin = teacher
Universität Hochschule = university
Studie Untersuchung = study
Forscher Forscherin Wissenschaftler Wissenschaftlerin = researcher scientist
Forschung = research
Experte Expertin = expert
Virus = virus
Impfstoff Impfung impfen = vaccine vaccination
Krankheit = disease illness
Infektion infizieren anstecken = infection infect
Patient Patientin = patient
Arzt Ärztin = doctor
Gesundheit = health
Kirche = church
Kardinal = cardinal
Bischof Erzbischof = bishop archbishop
Papst = pope
Missbrauch missbrauchen = abuse
Kind = child
Junge = boy
Mädchen = girl
Frau = woman
Mann = man
Mensch Person Leute = people person
Familie = family
Mutter = mother
Vater = father
Sohn = son
Tochter = daughter
Bewohner Einwohner = resident inhabitant
Bürger = citizen
Dorf = village
Stadt = city town
Land Staat = country state
Hauptstadt = capital
Welt = world
Umwelt = environment
Erde = earth
Planet = planet
Sonde Raumsonde Raumfahrzeug = probe spacecraft
Mission = mission
Rakete = rocket
Satellit = satellite
Weltraum = space
Sonne = sun
Mond = moon
Wasser = water
Meer See = sea lake
Insel = island
Berg = mountain
Wald = forest
Tier = animal
Hund = dog
Wetter = weather
Temperatur = temperature
Hitze = heat
Regen = rain
Schnee = snow
Klima = climate
Energie Strom = energy power electricity
Öl = oil
Gas = gas
Haus Gebäude = house building
Wohnung = apartment
Dach = roof
Tür = door
Jahr = year
Monat = month
Woche = week
Tag = day
Stunde = hour
Minute = minute
Nacht = night
Morgen = morning
Abend = evening
Montag = monday
Dienstag = tuesday
Mittwoch = wednesday
Donnerstag = thursday
Freitag = friday
Samstag Sonnabend = saturday
Sonntag = sunday
Januar = january
Februar = february
März = march
Juni = june
Juli = july
Oktober = october
Dezember = december
Spiel = game match
Mannschaft Team = team
Trainer Trainerin = coach manager
Spieler Spielerin = player
Sieg gewinnen = win victory
Niederlage verlieren = defeat lose
Meisterschaft Meister = championship champion
Rekord Weltrekord = record
Spende spenden = donation donate
Veteran = veteran
Ritter Ritterschlag = knight knighthood
Ehre ehren = honour honor
Königin = queen
König = king
Prinz = prince
Entscheidung entscheiden = decision decide
Treffen treffen = meeting meet
Gespräch = talk conversation
Bericht berichten = report
Zeitung = newspaper
sagen = say
erklären Erklärung = explain statement
warnen Warnung = warn warning
fordern Forderung = demand
kritisieren Kritik = criticise criticism
ablehnen Ablehnung = reject rejection
zustimmen Zustimmung = approve approval agree
beschließen Beschluss = resolve resolution
ankündigen Ankündigung = announce announcement
bestätigen Bestätigung = confirm confirmation
verschieben Verschiebung = postpone delay
absagen Absage = cancel cancellation
eröffnen Eröffnung = open opening
schließen Schließung = close closure
bauen Bau = build construction
retten Rettung Retter = rescue rescuer
fliehen Flucht = flee escape
suchen Suche = search
finden Fund = find
entdecken Entdeckung = discover discovery
stehlen Diebstahl Dieb = steal theft thief
Raub rauben Überfall = robbery rob
Betrug = fraud
Korruption = corruption
Rücktritt zurücktreten = resignation resign
Nachfolger Nachfolgerin = successor
Mitglied = member
Verband Verein = association club
Gruppe = group
Hilfe helfen = help aid
Gefahr gefährlich = danger dangerous
Schaden = damage
Risiko = risk
Sicherheit = security safety
Ende = end
Beginn Anfang = beginning start
erste = first
letzte = last
neu = new
alt = old
groß = big large
klein = small
hoch = high
niedrig = low
"""


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# A German compound's head gives its concept only when it is this long and leaves a first part of
# at least MIN_COMPOUND_LEFT letters ("Raumsonde" → "sonde"); shorter heads end too many place names
# ("-land", "-berg", "-dorf"). The compound keeps itself too: "Darmstadt" is a name, not a city.
MIN_COMPOUND_HEAD = 5
MIN_COMPOUND_LEFT = 3


@cache
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    german: dict[str, set[str]] = {}
    english: dict[str, set[str]] = {}
    for line in _TABLE.strip().splitlines():
        left, right = line.split("=")
        words = right.split()
        name = "~" + _fold(words[0])
        for word in left.split():
            german.setdefault(_fold(word), set()).add(name)
        for word in words:
            english.setdefault(_fold(word), set()).add(name)
    return (
        {w: frozenset(c) for w, c in german.items()},
        {w: frozenset(c) for w, c in english.items()},
    )


def concepts(lemmas: frozenset[str], language: str | None) -> frozenset[str]:
    """The concepts of a statement's folded lemmas: a word of the table gives its concept(s), any
    other word stands for itself (names and numbers are written alike in both languages)."""
    german, english = _tables()
    table = german if language == "de" else english if language == "en" else None
    if table is None:
        return lemmas
    out: set[str] = set()
    for lemma in lemmas:
        found = table.get(lemma)
        if found:
            out |= found
            continue
        out.add(lemma)
        if table is german:
            out |= _head(lemma, german)
    return frozenset(out)


def _head(word: str, german: dict[str, frozenset[str]]) -> frozenset[str]:
    """The concepts of the longest head of a German compound that the table knows (none: empty)."""
    for start in range(MIN_COMPOUND_LEFT, len(word) - MIN_COMPOUND_HEAD + 1):
        found = german.get(word[start:])
        if found is not None:
            return found
    return frozenset()
