"""What a news page prints around the article: reader polls, promotions, reading prompts, credits.

Readers mark these pieces so they never become statements or facts: ``boilerplate`` for reader
polls ("Begrüsst du …? Ja / Nein / Ich will nur die Antworten sehen"), newsletter and app
promotions, reading prompts ("Lesen Sie auch", "Continue reading the main story"), calls to readers
("Have you been affected by …? Tell us", "Send us your photos"), a reader's question closing the
article ("Were you caught in the queues?" before a call or at the very end), press-release furniture
(contact and "notes to editors" labels, "ENDS") and share/print buttons left as text; ``credit`` for
bylines ("Von Anna Muster", "By Jane Doe"), photo credits ("Foto: Keystone", "Photo: Reuters/…", also
in brackets), a note of where someone is in the picture ("(links im Bild)") and a press release's
dateline ("Kellbach, 27. November 2025."). A piece that opens by pointing to its picture ("Im Bild: …")
is a caption (``describes_a_picture``).

The patterns are written from how German and English news sites lay out these elements in
general, with the commonest French and Spanish labels (polls, "Lire aussi", "Lea también"; the reading
prompt also in Italian, Portuguese, Dutch, Polish and Turkish: "Leggi anche", "Zobacz także"); each is
anchored at the start of a short piece, so a sentence of the article that merely mentions a
newsletter or an app stays article text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Literal

from blickwinkel.ingest._dates import parse_date_line
from blickwinkel.ingest._text import is_title_reference
from blickwinkel.text.pointers import WHERE_IN_PICTURE

BoilerplateKind = Literal["boilerplate", "credit"]

# Longer pieces are article text, whatever words they start with.
MAX_PROMPT_WORDS = 40
# Credits and prompts are short lines; a longer piece is article text (or junk) and is not searched
# by the patterns below, which cost about 0.6 s on a megabyte-long token.
MAX_FURNITURE_CHARS = 2_000
MAX_CREDIT_WORDS = 14
# Options of a reader poll are short; the question comes right before them.
MAX_OPTION_WORDS = 8
MIN_OPTIONS = 2

_I = re.IGNORECASE

# A whole piece that is only a button or a section label.
_BUTTON = re.compile(
    r"^(?:teilen|drucken|merken|vorlesen|kommentare?|kommentieren|link kopieren|artikel (?:teilen|drucken|"
    r"merken|vorlesen|verschenken)|anzeige|werbung|share|tweet|print|save|comments?|e-?mail|copy link|"
    r"advertisement|advert|sponsored(?: content)?|skip advertisement|listen to this article|"
    r"publicité|publicidad|partager|imprimer|compartir|imprimir|"
    r"(?:zum|zur) (?:artikel|startseite|übersicht)|back to top|nach oben)[.!:]?$",
    _I,
)
# A row of share buttons left as text: "Share this article: Facebook Twitter Email", "Artikel teilen
# per WhatsApp E-Mail"; no sentence punctuation after the label, so a sentence about sharing stays.
_SHARE_ROW = re.compile(
    r"^(?:share (?:this|the) (?:article|story|page|post|video)|share (?:on|via)|"
    r"(?:diesen |den )?(?:artikel|beitrag|text|seite) teilen|teilen (?:auf|via|per|mit))\b[^.!?]{0,120}$",
    _I,
)
# A reading prompt at the start of a piece: "Lesen Sie auch: …", "Continue reading the main story".
_PROMPT = re.compile(
    r"^(?:lesen sie (?:auch|mehr|hier|dazu|weiter|jetzt)|lies auch|mehr zum thema|mehr dazu|"
    r"mehr (?:news|nachrichten|artikel|informationen) (?:zum|zu|aus)|auch interessant\b|"
    r"(?:weitere |mehr )?informationen (?:gibt es |finden sie )?(?:auf|bei|unter|im internet)\b|"
    r"more information (?:at|on|here)\b|"
    r"das könnte (?:sie|dich) (?:auch )?interessieren|weiterlesen|weitere (?:artikel|beiträge|"
    r"nachrichten)|verwandte (?:artikel|themen)|meistgelesen|meist gelesen|"
    r"empfehlungen der redaktion|(?:hören|sehen|lesen) sie (?:dazu|auch|hier)\b|jetzt weiterlesen|"
    r"(?:weitere|alle) (?:pressemitteilungen|pressemeldungen|meldungen)\b|"
    r"(?:more|further|all) (?:press releases|news releases)\b|"
    # "Read our full coverage in …", "Listen to Radio … for updates every hour"
    r"read (?:our|the) (?:full|latest|complete|live|daily|weekly)\b|"
    r"(?:listen|tune in) to\b[^.!?]{0,60}\b(?:for|with) "
    r"(?:the latest|updates|news|live|bulletins|coverage)\b|"
    r"(?:à |a )?lire aussi|lire la suite|sur le même sujet|lea también|lee también|leer más|"
    r"le puede interesar|te puede interesar|"
    # the same prompt in Italian, Portuguese, Dutch, Polish and Turkish
    r"leggi anche|potrebbe interessarti|leia também|veja também|lees ook|zie ook|"
    r"(?:zobacz|czytaj|przeczytaj) (?:też|także)|[iİ]lgili haber(?:ler)?\b|bunlar da ilginizi çekebilir|"
    r"continue reading|read more|read also|also read|see also|related(?: (?:stories|articles|coverage|"
    r"topics|content|reading))?\s*(?::|$)|more on this (?:story|topic)|more from |recommended(?: for you)?\s*"
    r"(?::|$)|most (?:read|popular|viewed)|top stories|you may also like|watch:|listen:)",
    _I,
)
# What a newsroom asks its readers to send ("your photos", "Ihre Bilder"), never evidence the police
# ask for.
_SENT_THINGS = (
    r"(?:(?:your|ihre?|deine?) )?(?:(?:own|best|eigenen?) )?(?:photos?|pictures?|videos?|views|stories|story|"
    r"experiences?|comments?|letters?|news tips?|tips?|fotos?|bilder|meinung|erfahrungen|leserbriefe?|"
    r"geschichten?)\b"
)
# A call to the reader: "Have you been affected by …? Tell us", "Haben Sie … erlebt? Schreiben Sie uns".
_READER_CALL = re.compile(
    r"^(?:(?:have you|were you|are you|do you|did you|haben sie|hast du|sind sie|bist du|kennen sie|"
    r"kennst du|wissen sie|weißt du)\b[^?]{0,200}\?\s*(?:tell us|get in touch|share|contact us|"
    r"email us|let us know|send us|write to us|schreiben sie uns|schreib uns|melden sie sich|melde dich|"
    r"kontaktieren sie|erzählen sie|erzähl uns|teilen sie|senden sie|schicken sie)|"
    r"(?:tell us|get in touch|how to get in touch|share your (?:story|stories|experiences?|views|pictures)|"
    r"if you have (?:a story|information)|do you have (?:a story|information|a news tip)|"
    r"please include (?:a|your) (?:contact|phone|telephone) number|"
    r"schreiben sie uns|schreib uns|sie haben (?:hinweise|informationen|fragen|anregungen)|"
    r"hinweise (?:an|bitte|gerne) )|"
    # A newsroom's contact footer: "To contact the news desk email … or phone …", "For all other
    # enquiries please call …", "If you write to us for publication, …".
    r"to contact (?:the|our|this)\b[^.!?]{0,60}\b(?:desk|newsroom|editors?|reporters?|team|author)\b|"
    r"for (?:all )?(?:other )?(?:inquiries|enquiries|queries)\b[^.!?]{0,80}\b(?:call|contact|email|"
    r"e-mail|write|phone|ring)\b|"
    r"if you (?:are writing|write|send)\b[^.!?]{0,60}\bfor publication\b|"
    # "Send us your photos of the storm: …", "Email us at news@…", "Schicken Sie uns Ihre Bilder":
    # what readers are asked to send, or an address; a police appeal for footage or calls stays.
    rf"(?:send|email|e-mail|mail) us (?:at\b[^.!?]{{0,80}}@|{_SENT_THINGS})|"
    r"(?:send|email|e-mail|mail) (?:them|it) to\b[^.!?]{0,80}@|"
    rf"(?:schicken|senden|mailen) sie uns\b[^.!?]{{0,30}}\b{_SENT_THINGS}|"
    rf"schick(?:t)? uns\b[^.!?]{{0,30}}\b{_SENT_THINGS})",
    _I,
)
# A promotion addresses the reader and asks to subscribe, download or follow.
_PROMOTION_TOPIC = re.compile(
    r"newsletter|\bapp\b|\bapps\b|push-?(?:mitteilung|nachricht|benachrichtigung|notification)|"
    r"\w*abo\b|abonnement|podcast|whatsapp-kanal|telegram-kanal|e-?paper|\bplus\b|premium|"
    r"\balertes?\b|\balerts?\b|\bnotifications?\b|messenger|boletín|roundup|round-up|digest|"
    r"\bupdates? by (?:e-?mail|text)|print edition|live-?ticker|online-?shop|webshop|fan-?shop",
    _I,
)
_PROMOTION_ACTION = re.compile(
    r"^(?:jetzt\b[^.!?]{0,60}\b(?:herunterladen|downloaden|installieren|abonnieren|anmelden|bestellen|testen)\b|"
    r"jetzt (?:abonnieren|anmelden|herunterladen|downloaden|testen|bestellen|registrieren|kostenlos|"
    r"gratis|installieren|folgen)|hier (?:abonnieren|anmelden|herunterladen|geht'?s|gelangen sie|können sie|"
    r"kannst du)|gratis|kostenlos|abonnieren|abonniere|bestellen|bestelle|melden sie sich|"
    r"melde dich|laden sie|lade dir|holen sie sich|hol dir|folgen sie|folge uns|erhalten sie|"
    r"verpassen sie|verpasse|sign up|subscribe|download|get (?:the|our)|follow (?:us|\S+ on)|"
    r"never miss|don't miss|stay (?:up to date|informed)|bleiben sie|alle wichtigen|"
    r"to (?:get|receive) (?:the |our |\w+ )?(?:\w+ )?(?:alerts|updates|newsletters?)\b|"
    r"sie wollen|du willst|want to|interested in|"
    # French and Spanish alert and newsletter promotions ("ne manquez rien", "suscríbete al boletín")
    r"ne (?:ratez|manquez) (?:aucun|rien|pas)|abonnez-vous|inscrivez-vous|recevez|no te pierdas|"
    r"no se pierda|suscríbete|suscríbase|recibe)",
    _I,
)
# A promotion whose call comes last ("… in unserem Newsletter – jetzt kostenlos anmelden", "… – jetzt
# unsere App laden!", "…: sign up now") or that points to the outlet's own channel ("… gibt es auch in
# unserer App", "Aktuelle Verbindungen finden Sie in unserer App"); with a topic word, like the others.
_PROMOTION_CALL = re.compile(
    r"\bjetzt (?:[\w-]+ ){0,3}(?:anmelden|abonnieren|laden|herunterladen|downloaden|installieren|bestellen|"
    r"testen|registrieren|sichern)\b|\b(?:sign up|subscribe|download (?:it|the app)?) ?(?:now|today|for free|"
    r"here)\b|\b(?:download|install) our\b|"
    r"\b(?:laden sie|holen sie sich|installieren sie) (?:jetzt )?unsere?\b|"
    r"\b(?:gibt(?: e|')s|finden sie|findest du|lesen sie|liest du|hören sie|hörst du|erhalten sie|"
    r"bekommen sie)"
    r"\b[^.!?]{0,40}\b(?:in|auf|über|mit|im|per) unser(?:em|er|en)?\b|"
    r"\b(?:unser(?:em|er|en)?|our) (?:[\w-]+ ){0,2}(?:newsletter|app|podcast|e-?paper|online-?shop|shop)\b"
    r"[^.!?]{0,30}\b(?:gibt(?: e|')s|finden sie|findest du|lesen|hören|erscheint|erschienen|anmelden|"
    r"laden)\b",
    _I,
)
# Asking the reader to subscribe, sign up, join or pay: promotions with or without a topic word
# ("Subscribe from £1 a week.", "Sign up to the … weekly roundup.", "Jetzt Mitglied werden!", "Our
# journalism depends on readers like you.", "Want more local news?").
_PLEA = re.compile(
    r"^(?:subscribe (?:now|today|from|for|to|here)\b|sign up (?:now|today|here|for|to)\b|"
    r"(?:jetzt |werden sie |werde )mitglied\b|(?:jetzt )?mitglied werden[.!]?$|"
    r"(?:jetzt |bitte )?(?:unterstützen sie|unterstütze) (?:uns|unsere arbeit|unseren journalismus|"
    r"unabhängigen journalismus)\b|support (?:us|our work|our journalism|independent journalism)\b|"
    r"become (?:a|our) (?:member|supporter|subscriber|patron)\b|(?:donate|give) (?:now|today)\b|"
    r"jetzt spenden\b|(?:our|unser) journalismu?s? (?:depends|relies|needs|lebt|braucht|ist angewiesen)\b|"
    r"(?:want|looking for|hungry for) (?:even )?more\b[^.!?]{0,60}\?$|"
    r"lust auf mehr\b[^.!?]{0,60}\?$|"
    r"(?:buy|book|get|order|grab) your tickets?\b|"
    r"(?:sichern sie sich|bestellen sie) (?:jetzt )?(?:ihre |ihr )?"
    r"(?:tickets?|karten|eintrittskarten)\b)",
    _I,
)
# A shop's or a paywall's call and an affiliate note, with no topic word of a promotion: "Jetzt
# abonnieren und weiterlesen!", "Jetzt sichern!", "Abonniert gratis die Zeitschrift …!", "Dieser Artikel
# enthält Affiliate-Links.", "Wenn Sie über diese Links einkaufen, erhalten wir eine Provision.", "We
# may earn a commission …" (eighteenth session). "Jetzt kaufen" and the like only as the whole call ("Jetzt
# kaufen viele Kunden online" is a sentence); a commission only as what "we" receive through links.
_SHOP_NOTE = re.compile(
    r"^\*?\s*(?:(?:jetzt )?(?:abonnieren|abo abschließen|registrieren|anmelden) und (?:[\w-]+ )?"
    r"(?:weiterlesen|weiter lesen|lesen)\b|"
    r"jetzt (?:bestellen|vorbestellen|ordern|kaufen|zugreifen|sichern)\s*(?:[.!:]|[–—-]|$)|"
    r"(?:abonniere|abonniert|abonnieren sie) (?:(?:jetzt|kostenlos|gratis|auch),? )*(?:das|den|die|unser\w*) "
    r"(?:[\w-]+ )?(?:magazin|zeitschrift|heft|zeitung|kanal|channel)\b|"
    r"(?:(?:dieser|der) (?:artikel|beitrag|text|link) enthält |enthält )?affiliate[- ]?links?\b|"
    r"(?:wenn|falls) (?:sie|du) (?:über|mit) (?:diese[nm]?|unsere[nm]?|die(?:se)?|einen?) "
    r"(?:[\w-]+ )?links?\b[^.!?]{0,80}\bprovision\b|"
    r"(?:bei einem kauf|für (?:einen )?kauf|für käufe)\b[^.!?]{0,80}\bprovision\b|"
    r"we (?:may |might |can )?(?:earn|receive|get|make) (?:a )?(?:small )?(?:commission|fee|share of sales)\b"
    r"[^.!?]{0,80}\b(?:links?|buy|purchases?)\b|as an amazon associate\b)",
    _I,
)
# Furniture that speaks about the page or the app: "Refresh this page for the latest updates", "Tap
# the bell icon to …", "Further updates will be published on this page", "Weitere Informationen
# folgen."
# A pointer to a web address: "Die Ergebnisse aller Gemeinden finden Sie auf wahlen.example.", "The
# full list can be found at example.org/list." (an address, not a name: "available on Netflix" stays).
# One clause only: "Die Filialen bleiben offen – alle Infos gibt es auf …" tells a fact first.
_ADDRESS_POINTER = re.compile(
    r"^[^,;:–—]{0,80}\b(?:finden sie|findest du|gibt es|lesen sie|sehen sie) "
    r"(?:auch |alle |hier |jederzeit )?(?:auf|unter) "
    r"(?:www\.)?[\w-]+\.[\w./-]+|"
    r"^[^,;:–—]{0,80}\b(?:can be (?:found|read|seen|viewed)|(?:is|are) (?:available|published|posted)) "
    r"(?:at|on) "
    r"(?:www\.)?[\w-]+\.[\w./-]+",
    _I,
)
_PAGE_PROMPT = re.compile(
    r"^(?:(?:please )?(?:refresh|reload) (?:this|the) (?:page|blog|live blog)\b|"
    r"(?:bitte )?(?:aktualisieren|laden) sie (?:diese|die) seite\b|"
    r"(?:tap|click|press|hit|touch|select)\b[^.!?]{0,40}\b(?:icon|button|bell|link|here|banner)\b|"
    r"(?:tippen|klicken|drücken) sie\b[^.!?]{0,40}\b(?:symbol|glocke|button|knopf|schaltfläche|link|hier)\b|"
    r"(?:further|more|the next|our next|new) (?:updates?|information) (?:will|is to|are to) (?:be )?"
    r"(?:follow|published|posted|provided|given|issued|added)\b|"
    r"we will (?:publish|post|provide|issue|give|share) (?:a |an |our |the )?(?:further |next |new |more )?"
    r"(?:update|information)\b|(?:this|the) (?:story|article|page|post|blog) (?:will be|is being) updated\b|"
    r"weitere informationen folgen\b|(?:dieser artikel|diese meldung|dieser beitrag|dieser text|der "
    r"artikel) wird (?:laufend |fortlaufend |ständig )?aktualisiert\b|"
    r"wir (?:berichten|informieren) (?:weiter|laufend|fortlaufend)\b|"
    # a live page on itself: "Seite wird automatisch aktualisiert", "This page updates automatically"
    r"(?:(?:der|die|dieser|diese) )?(?:seite|liveblog|live-blog|ticker|newsticker) "
    r"(?:wird|aktualisiert sich) (?:automatisch|laufend|fortlaufend|ständig)\b|"
    r"(?:(?:this|the) )?(?:page|live blog|blog) (?:updates|refreshes|is updated) automatically\b)",
    _I,
)
# A press release's contact and editors' labels ("Pressekontakt: …", "Media enquiries: …", "Notes to
# editors: …") and its end marker ("ENDS", "– Ende –", "###"). A plain "Contact:" or "Kontakt:" label
# counts on a short line only.
_CONTACT = re.compile(
    r"^(?:(?:presse|medien)(?:kontakt|stelle|anfragen|sprecher(?:in)?)|"
    r"(?:media|press|news) (?:contacts?|enquiries|inquiries|office|desk|relations)|"
    r"for (?:media|press|further|more) (?:enquiries|inquiries|information)|"
    r"notes? (?:to|for) editors|editors'? notes?|hinweise? (?:für|an) (?:die )?redaktion(?:en)?|"
    r"ansprechpartner(?:in)?(?: für (?:die )?(?:medien|presse))?|für rückfragen|rückfragen)\s*:",
    _I,
)
_SHORT_CONTACT = re.compile(r"^(?:contact|kontakt)\s*:\s*\S[^!?]{0,80}$", _I)
MAX_SHORT_CONTACT_WORDS = 8
_END_MARKER = re.compile(
    r"^(?:[-–—*#]+\s*)?(?:(?-i:ENDS?|ENDE|END OF (?:PRESS )?RELEASE)|###|-30-|"
    r"[-–—]\s*(?:ends?|ende(?: der (?:presse)?mitteilung)?)\s*[-–—])(?:\s*[-–—*#]+)?$",
    _I,
)
# A press release's dateline on a line of its own or opening its first paragraph: "Kellbach, 27.
# November 2025.", "Harwick, 3 March 2026 –", "Harwick, March 3, 2026:". The place is one to four
# capitalised words, the date has its year.
_DATELINE = (
    r"(?-i:[A-ZÄÖÜ][\w.'’-]+(?:[ -](?:am|an der|im|bei|upon|on|[A-ZÄÖÜ(][\w.'’()-]+)){0,3}),\s*(?:den |am )?"
    r"(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{1,2}\.?\s+[A-Za-zäöüÄÖÜ]+\.?\s+\d{4}|"
    r"[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})"
)
_DATELINE_PIECE = re.compile(rf"^{_DATELINE}\s*[.:–—-]?$")
# A live page's entry time, the whole piece: "10:15 Uhr", "09.41 BST", "9:41am", "Heute, 11:02 Uhr".
# Kept as a credit before its entry (ingest/html.py keeps a live page's <time> elements as lines): a
# time alone says nothing, and as a subheading it was read as a statement (fifteenth session).
ENTRY_TIME = (
    r"(?:(?:heute|gestern|today|yesterday|\d{1,2}\.\s?\d{1,2}\.(?:\d{2,4})?),?\s+)?"
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?(?:uhr|h|am|pm|a\.m\.|p\.m\.))?"
    r"(?:\s?(?:gmt|bst|utc|cet|cest|mez|mesz|est|edt|pst|pdt|et|pt))?"
)
_ENTRY_TIME_PIECE = re.compile(rf"^{ENTRY_TIME}$", _I)
_LEADING_DATELINE = re.compile(rf"^{_DATELINE}\s*(?:[.:]|[–—-]|\s)\s*(?=(?-i:[A-ZÄÖÜ\"„“0-9]))")
_FOLLOW = re.compile(
    # "For more news on the storm, follow @reporter on Twitter": the lead-in names the topic only.
    r"^(?:(?:for (?:more|the latest|further|live|all)\b|für (?:mehr|weitere|aktuelle|alle)\b)"
    r"[^.!?]{0,80}?,\s*)?"
    r"(?:folgen sie uns|folge uns|follow us\b|(?:folgen sie|folge|follow) [^.!?]{1,60}\b(?:on|auf) "
    r"(?:twitter|x|facebook|instagram|threads|mastodon|bluesky|linkedin|tiktok|youtube|social media|"
    r"(?:den )?sozialen (?:medien|netzwerken))\b|"
    r"originally published (?:on|in|by|at)\b|this (?:article|story) (?:was )?(?:originally|first) "
    r"(?:published|appeared)|(?:dieser|der) (?:artikel|beitrag|text) erschien (?:zuerst|ursprünglich)|"
    r"(?:dieser|der) (?:artikel|beitrag|text) (?:ist|wurde) (?:zuerst|ursprünglich)\b[^.!?]{0,80}"
    r"\b(?:erschienen|veröffentlicht)\b|"
    # "To get the latest sports news on your phone, follow … on Twitter"
    r"to (?:get|receive) (?:the |our )?latest\b[^.!?]{0,80}\b(?:follow|sign up|subscribe|download)\b)",
    _I,
)
# A live blog's greeting and sign-off: "Good morning and welcome to our live coverage of …",
# "Guten Morgen und willkommen zu unserem Newsblog", "That's all from us for today". The page talking
# about itself, never a fact of the event.
_LIVE_GREETING = re.compile(
    r"^(?:"
    r"(?:(?:good (?:morning|afternoon|evening)|hello|hi)(?: and|,)? )?welcome (?:back )?to "
    r"(?:our|the|this) (?:live|rolling)\b[^.!?]{0,30}\b(?:coverage|blog|updates|page)\b|"
    r"(?:(?:guten (?:morgen|tag|abend)|hallo)(?: und|,)? )?(?:herzlich )?willkommen (?:zurück )?"
    r"(?:zu|in|bei) (?:unserem|unserer|diesem|dem|der) (?:live|news)-?(?:blog|ticker)\w*|"
    r"that'?s all (?:from us|for (?:now|today))|we(?:'re| are) (?:pausing|ending|closing) "
    r"(?:our|this) live (?:coverage|blog)|"
    r"damit (?:beenden|schließen) wir (?:unseren|den|diesen) (?:live|news)-?(?:blog|ticker)\w*"
    # The whole piece: a sentence that goes on past the greeting reports something.
    r")[^.!?]{0,50}[.!]?\s*$",
    _I,
)
# A whole piece that notes the page itself: when it was updated, that a machine helped to write it,
# that it can be listened to, how many comments it has ("Dieser Artikel wurde am 11.03.2025 um 14:32
# Uhr aktualisiert." was a statement dated 11 March). Whole pieces only: in running text such a
# sentence may report on another text.
_PAGE_NOTE = re.compile(
    r"^(?:[•*·]\s*)?(?:(?:hinweis|note|anmerkung der redaktion|editor'?s note)\s*:\s*)?(?:"
    r"(?:dieser (?:artikel|beitrag|text)|der (?:artikel|beitrag)) wurde "
    r"(?:am \d{1,2}\.(?:\s?\d{1,2}\.|\s[a-zäöü]+)\s?\d{2,4},? )?(?:um \d{1,2}[:.]\d{2}(?:\s?uhr)? )?"
    r"(?:zuletzt )?(?:aktualisiert|ergänzt|überarbeitet)|zuletzt aktualisiert\b|aktualisiert am\b|"
    # a correction note: "This article and its headline were amended on … to correct …", "An earlier
    # version of this story …"; not a text someone else amended ("amended by the council")
    r"(?:this|the) (?:article|story|page)(?: and [^.!?]{1,40}?)? (?:was|were|has been|have been) "
    r"(?:last )?(?:updated|amended|corrected)\b(?! by\b)|"
    r"an earlier version of (?:this|the) (?:article|story)\b|"
    r"last updated\b|updated (?:on|at)\b|"
    r"(?:dieser|der) (?:artikel|beitrag|text) wurde (?:mit|unter) (?:unterstützung|hilfe|einsatz) "
    r"(?:von |einer |künstlicher )*(?:ki|künstliche[rn]? intelligenz)\b|"
    r"(?:this|the) (?:article|story|text) was (?:written|produced|generated|created) with the "
    r"(?:help|assistance|use) of (?:ai|artificial intelligence)\b|"
    r"(?:hören sie (?:diesen|den) (?:artikel|beitrag)|artikel (?:anhören|vorlesen lassen)|"
    r"listen to (?:this|the) (?:article|story))\b[^.!?]{0,30}$|"
    r"(?:\d+\s+)?(?:kommentare?|comments?)\s*(?:\(\d+\))?$|"
    # What an embedded player prints where it cannot play: "Please enable JavaScript.", "This video
    # requires JavaScript", "Available to UK viewers only", "Dieses Video ist nicht verfügbar".
    r"(?:please )?(?:turn on|enable|activate|switch on) javascript\b|"
    r"(?:bitte )?(?:aktivieren sie|schalten sie) javascript\b|"
    r"(?:(?:the |this )?(?:media|video|audio|content|player|page)) (?:requires|needs) javascript\b|"
    r"javascript (?:is )?(?:required|disabled|deaktiviert)\b|"
    r"(?:(?:this|the) (?:video|audio|clip|content|media) is )?(?:only )?available (?:to|for|in) "
    r"(?:the )?\S+ (?:users|viewers|visitors|residents)(?: only)?[.!]?$|"
    r"(?:this|the) (?:video|audio|clip|content|media) is (?:not|no longer|currently not) available\b|"
    r"(?:not|nicht) (?:available|verfügbar) in (?:your|ihrem) (?:country|region|land)\b|"
    r"(?:dieses|das) (?:video|audio|element) (?:ist|kann) (?:in ihrem land )?nicht (?:verfügbar|"
    r"abgespielt)|your browser does not support\b|ihr browser unterstützt\b)",
    _I,
)
# Page furniture glued to the start of the next paragraph when a capture lost the line break:
# "Continue reading the main story The council …". The next word must be capitalised in fact (the
# case-blind flag would let "[A-Z]" match any letter: "Werbung für Tabak …", "Anzeige gegen …" and
# "Advert campaigns …" lost their first word).
_LEADING_FURNITURE = re.compile(
    r"^(?:continue reading the main story|skip advertisement|advertisement|advert|anzeige|werbung)\s+"
    r"(?=(?-i:[A-ZÄÖÜ\"“„‘'0-9]))",
    _I,
)
# A photo caption that ends with its credit: "… in Kharkiv. Jane Doe/AFP/Getty Images",
# "(Photo by Jane Doe/Getty Images)", "Photo: Jane Doe /Getty".
_AGENCY_TAIL = (
    r"(?:afp|ap|reuters|getty(?: images)?|epa|dpa|keystone|imago|pool|bloomberg|picture alliance|"
    r"anadolu(?: agency)?|nurphoto|sopa images|xinhua|efe|ansa|pa(?: images| wire)?|shutterstock)"
)
# Wire services credit a photo in brackets: "(AP Photo/Jane Doe, File)", "(Reuters Photo)".
_WIRE_PHOTO = rf"\(\s*{_AGENCY_TAIL}\s+(?:photo|foto|images?)(?:\s*/\s*[^()]{{1,80}})?\s*\)"
_WIRE_PHOTO_CREDIT = re.compile(rf"^{_WIRE_PHOTO}$", _I)
# A credit with no label is a name and an agency as credits print them: both capitalised in fact (the
# case-blind flag let "[A-Z]" match any letter, so "… costs five percent/pa" ended in a "credit").
_AGENCY_PRINTED = (
    r"(?-i:AFP|AP|Reuters|REUTERS|Getty(?: Images)?|GETTY(?: IMAGES)?|EPA|dpa|DPA|Keystone|KEYSTONE|"
    r"imago|IMAGO|Pool|POOL|Bloomberg|picture alliance|Anadolu(?: Agency)?|NurPhoto|SOPA Images|"
    r"Xinhua|XINHUA|EFE|ANSA|PA(?: Images| Wire)?|Shutterstock)"
)
_CREDIT_TAIL = re.compile(
    rf"(?:{_WIRE_PHOTO}|\(?(?:photo|foto|bild|image)(?: by|:)\s*[^()/]{{1,60}}/\s*{_AGENCY_TAIL}"
    rf"(?:\s*/\s*[\w ]{{1,30}})*\)?|"
    rf"\b(?-i:[A-ZÄÖÜ][\w.'’-]+(?: [A-ZÄÖÜ][\w.'’-]+){{1,3}})\s*/\s*{_AGENCY_PRINTED}"
    rf"(?:\s*/\s*[\w ]{{1,30}})*|"
    rf"\bvia getty images)\s*$",
    _I,
)
MAX_CAPTION_WORDS = 60
# How wire captions open, which lets a longer one (a slideshow read with the article) end in its
# credit: "FILE - In this March 3, 2010 file photo, …", "In this Feb. 2, 2012 photo, …", "EASTWICK,
# NORLAND - MAY 17: A ferry …" (the agency's place and date line in capitals), or a first sentence
# that ends in the day the photo was taken ("A ferry leaves the harbour, Monday, Nov. 19, 2012.").
_MONTH_EN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPTION_OPENER = re.compile(
    r"^(?:FILE\s*[-–—]\s*|(?:In\s+)?(?:this|these|an?)\s+(?:[\w.,'’-]+\s+){0,6}?(?:file\s+)?"
    r"(?:photo|image|picture)s?\b|[A-Z][A-Z .'’-]+,\s*[A-Z][A-Z .'’-]+\s*[-–—]\s*[A-Z]+\s+\d{1,2}\s*:|"
    rf"[^.!?]{{10,300}}?,\s+(?:[A-Z][a-z]+day,\s+)?{_MONTH_EN}\s+\d{{1,2}},\s+\d{{4}}\.)"
)
# A caption of 60 words is well under this; the bound also keeps the credit search linear-time on a
# megabyte-long token (its name pattern backtracks over every start position).
MAX_CAPTION_CHARS = 1_000

# Bylines: "Von Anna Muster", "Von Anna Muster und Bernd Beispiel, Bern", "By Jane Doe, BBC News".
_NAME = (
    r"(?:[A-ZÄÖÜ][\w.'’-]+(?:\s+(?:von|van|de|der|den|di|da|du|le|la|al|el|bin|ibn)\b)?"
    r"(?:\s+[A-ZÄÖÜ][\w.'’-]+){1,3})"
)
# The label is capitalised as a byline prints it, so a hard-wrapped line ("von Anna Muster, die …")
# inside a sentence is not one.
_BYLINE = re.compile(
    rf"^(?:Von|VON|By|BY|Text:?|Autor(?:in)?:|Author:|Reporting by|Interview:|Recherche:|Mitarbeit:)\s+"
    rf"{_NAME}(?:\s*(?:,|und|and|&)\s*{_NAME})*(?:\s*[,|/–—-]\s*[A-ZÄÖÜ][\w .’'-]{{0,40}})?$",
)
_WIRE = re.compile(r"^\(?(?:dpa|afp|ap|reuters|sda|apa|kna|epd|dts|ddp|ots)(?:\s*/\s*\w+)*\)?$", _I)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", _I)
# A photo credit: the credit label and a source, never a description of the picture.
_CREDIT_LABEL = re.compile(
    r"^(?:foto|fotos|photo|photos|photograph|photographs|fotografie|bild|bilder|image|images|grafik|video|"
    r"illustration|quelle|source|"
    r"bildquelle|image source)(?:\s*\([^)]{0,40}\))?\s*:\s*(?P<rest>\S.*)$",
    _I,
)
_AGENCY = re.compile(
    r"\b(?:keystone|dpa|reuters|afp|ap|getty(?: images)?|imago|epa|picture[- ]alliance|sda|apa|"
    r"shutterstock|istock|pa|anp|bloomberg|xinhua|efe|ansa|tass|unsplash|privat|zvg|handout|screenshot)\b",
    _I,
)
# The option a poll offers to see the results without voting.
_RESULTS_OPTION = re.compile(
    r"(?:nur (?:die|das) (?:antworten|ergebnis(?:se)?|resultat(?:e)?) sehen|(?:ergebnis|resultat)(?:se|e)? "
    r"(?:anzeigen|ansehen)|(?:see|view|show) (?:the )?results|just want to see|"
    # French and Spanish polls ("Voir les résultats", "Ver resultados")
    r"(?:voir|afficher) (?:les )?résultats|(?:ver|mostrar) (?:los )?resultados)",
    _I,
)
_YES_NO = re.compile(
    r"^(?:ja|nein|yes|no|weiß nicht|keine ahnung|don't know|not sure|egal|"
    r"oui|non|je ne sais pas|sans opinion|sí|si|no sé|no lo sé)(?!\w)",
    _I,
)


# A list bullet before a piece ("• To contact …"): furniture with a bullet is still furniture.
_BULLET = re.compile(r"^[•·▪►▶■]\s*")


def _words(text: str) -> int:
    """Whitespace-separated tokens (cheap: called on every piece and sentence)."""
    return len(text.split())


# A web host as the whole source of a credit: "Quelle: talblick.example.de" (lower case, so no name).
_WEB_HOST = re.compile(r"(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,6}", _I)


def is_photo_credit(text: str) -> bool:
    """``Foto: Keystone``, ``Photo: Reuters/Jane Doe``, also in brackets (``(Foto: Stadt Kellbach)``);
    not ``Bild: Ein Hafen am Abend`` (a caption)."""
    stripped = text.strip()
    if stripped.startswith("(") and stripped.endswith(")"):
        stripped = stripped[1:-1].strip()
    match = _CREDIT_LABEL.match(stripped)
    if match is None:
        return False
    rest = match["rest"].strip().rstrip(".")
    if _words(rest) > 8:
        return False
    if "/" in rest or "©" in rest or _AGENCY.search(rest) or _WEB_HOST.fullmatch(rest):
        return True
    # A name, an outlet or an agency, as credits print them: capitalised words (an outlet's name may hold
    # a digit or "&"), and at most one word saying who the source is ("Photo: Harbour Post reader").
    tokens = [t for t in rest.replace(",", " ").split() if t not in {"&", "+"}]
    sources = sum(1 for t in tokens if t.lower() in _SOURCE_WORDS)
    return (
        1 <= len(tokens) <= 5
        and sources <= 1
        and all(t[:1].isupper() or t.lower() in _SOURCE_WORDS for t in tokens)
        and not any(t.isdigit() for t in tokens)
    )


# Where a picture is, as a caption or a note beside the text points to it: "(links im Bild)",
# "(pictured left)", "(Archivbild)" alone, and a piece that opens by pointing to the picture it
# describes: "Im Bild: …", "Unser Bild zeigt …", "Pictured left: …", "Above: …", "En la imagen: …",
# "Sur la photo : …". Such a piece describes a picture (a caption, never a fact of the article); the
# pointer words are `text/pointers.WHERE_IN_PICTURE`.
_POINTER_ALONE = re.compile(rf"^\(\s*{WHERE_IN_PICTURE}\s*\)\.?$", _I)
_POINTER_OPENING = re.compile(
    rf"^(?:{WHERE_IN_PICTURE}\s*:|(?:im|auf\s+dem|zum)\s+bild\s*:|(?:unser|das)\s+(?:bild|foto)\s+zeigt\b|"
    r"bildunterschrift\s*:|(?:photo\s+)?caption\s*:|(?:above|below|top|main\s+picture|main\s+image)\s*:|"
    r"(?:our|the|this)\s+(?:picture|photo|image)\s+shows\b|sur\s+(?:la|cette)\s+photo\s*:|"
    r"en\s+la\s+(?:imagen|foto(?:graf[ií]a)?)\s*:)",
    _I,
)


def is_picture_pointer(text: str) -> bool:
    """A note that only says where someone is in the picture ("(links im Bild)", "(pictured left)")."""
    return bool(_POINTER_ALONE.match(text.strip()))


def describes_a_picture(text: str) -> bool:
    """A short piece that opens by pointing to the picture it describes ("Im Bild: …", "Pictured left:
    …", "Unser Bild zeigt …"): a caption."""
    stripped = text.strip()
    return _words(stripped) <= MAX_CAPTION_WORDS and bool(_POINTER_OPENING.match(stripped))


# The lower-case words a photo credit uses to say where a picture comes from.
_SOURCE_WORDS = frozenset(
    "reader readers supplied handout archive archiv privat private leserreporter leser leserin "
    "courtesy file".split()
)


# Who a report draws on, printed as a line of its own after the text: "Mit Material von dpa", "Con
# información de EFE y Reuters", "Avec l'AFP", "(Reporting by Jane Doe; Editing by Tom Roe)",
# "Additional reporting by Jane Doe in Lagos". Labels written from our own knowledge of how German,
# English, French and Spanish outlets print them.
_SOURCE_LABEL = re.compile(
    r"^\(?(?:mit\s+(?:material|informationen)\s+(?:von|der|des)|mit\s+agenturmaterial(?:\s+(?:von|der))?|"
    r"con\s+informaci[oó]n\s+de|avec(?:\s+l['’])?|(?:additional\s+|with\s+|further\s+)?reporting\s+by|"
    r"writing\s+by|editing\s+by|compiled\s+by|contributing\s*:)(?P<rest>(?:(?<=['’])|\s|$).*)$",
    _I,
)
# Words that name a source without a capital: the agencies as a group ("Con información de agencias").
_AGENCIES = frozenset("agencies agencias agences agenturen nachrichtenagenturen agenturmaterial".split())
# What may follow the label: names (capitalised), agencies, and the few small words that join them
# or name where a reporter was ("in Lagos") or what a second reporter did ("; editing by").
_SOURCE_JOINERS = _AGENCIES | frozenset(
    "and und y et e in aus en à a de der den des la las los l' von by editing writing reporting additional "
    "wire services news".split()
)


def _names_a_source(word: str) -> bool:
    return word[:1].isupper() or _AGENCY.fullmatch(word) is not None or word.lower() in _AGENCIES


def is_source_credit(text: str) -> bool:
    """``Mit Material von dpa``, ``Con información de EFE``, ``(Reporting by Jane Doe; Editing by Tom
    Roe)``; not ``Con información de la policía, el alcalde dijo …`` (a sentence of the article)."""
    match = _SOURCE_LABEL.match(text.strip())
    if match is None:
        return False
    rest = re.sub(r"[(),;.:/&]|['’]", " ", match["rest"]).split()
    if not rest:  # only "Mit Agenturmaterial" is a whole credit by its label alone
        return text.strip().lower().startswith("mit agenturmaterial")
    return all(_names_a_source(t) or t.lower() in _SOURCE_JOINERS for t in rest) and any(
        _names_a_source(t) for t in rest
    )


def boilerplate_kind(text: str) -> BoilerplateKind | None:
    """``credit``, ``boilerplate`` or None (article text) for the text of one piece."""
    stripped = _BULLET.sub("", text.strip())
    words = _words(stripped)
    if not stripped or words == 0 or len(stripped) > MAX_FURNITURE_CHARS or leading_furniture(stripped):
        return None  # a prompt glued to article text is cut off by the reader, not the whole piece
    if words <= MAX_CREDIT_WORDS and (
        _BYLINE.match(stripped)
        or dated_byline(stripped) is not None
        or _WIRE.match(stripped)
        or _COPYRIGHT.match(stripped)
        or is_photo_credit(stripped)
        or _WIRE_PHOTO_CREDIT.match(stripped)
        or _DATELINE_PIECE.match(stripped)
        or _ENTRY_TIME_PIECE.match(stripped)
        or is_source_credit(stripped)
        or is_picture_pointer(stripped)
    ):
        return "credit"
    if words > MAX_PROMPT_WORDS:
        return None
    if is_title_reference(stripped):  # "— „Title of a piece“": a pointer to another piece
        return "boilerplate"
    if _BUTTON.match(stripped) or _SHARE_ROW.match(stripped) or _PAGE_NOTE.match(stripped):
        return "boilerplate"
    if _PROMPT.match(stripped) or _READER_CALL.match(stripped) or _FOLLOW.match(stripped):
        return "boilerplate"
    if _LIVE_GREETING.match(stripped):
        return "boilerplate"
    if _PROMOTION_TOPIC.search(stripped) and _PROMOTION_ACTION.match(stripped):
        return "boilerplate"
    if _END_MARKER.match(stripped) or all(_is_furniture_sentence(s) for s in _sentences(stripped)):
        return "boilerplate"
    if _SHORT_CONTACT.match(stripped) and words <= MAX_SHORT_CONTACT_WORDS:
        return "boilerplate"
    if is_poll_text(stripped):
        return "boilerplate"
    return None


def _sentences(text: str) -> list[str]:
    return [m.group().strip() for m in _SENTENCE.finditer(text) if m.group().strip()] or [text]


def _is_furniture_sentence(text: str) -> bool:
    """A prompt, a call to readers, a promotion, a note on the page or a press contact: one sentence
    that is furniture, as a piece of its own or inside running text (a piece of several sentences is
    furniture when each of them is)."""
    return bool(
        _PROMPT.match(text)
        or _READER_CALL.match(text)
        or _FOLLOW.match(text)
        or _PLEA.match(text)
        or _SHOP_NOTE.match(text)
        or _PAGE_PROMPT.match(text)
        or _ADDRESS_POINTER.match(text)
        or _CONTACT.match(text)
        or (_PROMOTION_TOPIC.search(text) and (_PROMOTION_ACTION.match(text) or _PROMOTION_CALL.search(text)))
    )


def _is_option(text: str) -> bool:
    stripped = text.strip()
    return 0 < _words(stripped) <= MAX_OPTION_WORDS and not stripped.endswith((".", ";"))


def _is_poll_options(options: Sequence[str]) -> bool:
    return (
        len(options) >= MIN_OPTIONS
        and all(_is_option(o) for o in options)
        and (
            any(_RESULTS_OPTION.search(o) for o in options)
            or sum(1 for o in options if _YES_NO.match(o)) >= 2
        )
    )


def is_poll_lines(lines: Sequence[str]) -> bool:
    """A question line followed only by short answer options, as reader polls are printed."""
    for index, line in enumerate(lines[:2]):
        if line.rstrip().endswith("?"):
            return _is_poll_options([x for x in lines[index + 1 :] if x.strip()])
    return False


def is_poll_text(text: str) -> bool:
    """A poll whose lines were joined into one piece: ``Begrüsst du …? Ja Nein Ich will nur …``."""
    if "?" not in text:
        return False
    question, _, tail = text.rpartition("?")
    if not question or _words(question) > MAX_PROMPT_WORDS:
        return False
    tail = tail.strip()
    if not tail:
        return False
    if _RESULTS_OPTION.search(tail) and _words(tail) <= 4 * MAX_OPTION_WORDS:
        return True
    words = tail.split()
    return 2 <= len(words) <= 4 and all(_YES_NO.match(w) for w in words)


def poll_spans(texts: Sequence[str]) -> list[tuple[int, int]]:
    """``(first, end)`` index ranges of polls in a sequence of piece texts: a question piece and the
    short option pieces after it."""
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(texts):
        if texts[index].rstrip().endswith("?") and _words(texts[index]) <= MAX_PROMPT_WORDS:
            end = index + 1
            while end < len(texts) and _is_option(texts[end]) and not texts[end].rstrip().endswith("?"):
                end += 1
            if _is_poll_options(texts[index + 1 : end]):
                spans.append((index, end))
                index = end
                continue
        index += 1
    return spans


_BYLINE_LABEL = re.compile(r"^(?:Von|VON|By|BY|Text:?|Autor(?:in)?:|Author:|Reporting by)\s+")


def byline_names(text: str) -> str | None:
    """The names of a byline without its label and place: ``Von Anna Muster, Bern`` → ``Anna Muster``;
    of a byline with its date (:func:`dated_byline`) too."""
    stripped = text.strip()
    if not _BYLINE.match(stripped):
        dated = dated_byline(stripped)
        return dated[0] if dated is not None else None
    label = _BYLINE_LABEL.match(stripped)
    if label is None:
        return None
    names = re.split(r"\s*[,|/–—]\s*", stripped[label.end() :], maxsplit=1)[0].strip()
    return names or None


# Bylines of older pages print the date beside the name, parted by a bar, a dot or a dash: "Posted:
# 12.03.2019 | Anna Beispiel", "Von Max Muster | 12. März 2019", "By Jane Doe · March 12, 2019". The
# line was a subheading, or "Von Max Muster" a credit and the date the article's lead (fourteenth
# session; found by the new user on old pages). A name without "Von"/"By" counts only beside a date
# a posting word labels ("Posted:", "Veröffentlicht am"), so "Neue Brücke | 12.03.2019" is none.
MAX_DATED_BYLINE_CHARS = 160
_BYLINE_PARTS = re.compile(r"\s*[|·•]\s*|\s+[–—]\s+")
_POSTED = re.compile(
    r"^(?:posted|published|written|veröffentlicht|erstellt|geschrieben|eingestellt|publié|publicado)\b", _I
)
_POSTED_BY = re.compile(r"^(?:posted|written|geschrieben|eingestellt)\s+(?:by|von)\s+", _I)
_NAMES = re.compile(rf"{_NAME}(?:\s*(?:,|und|and|&)\s*{_NAME})*")


def dated_byline(text: str) -> tuple[str, dt.date] | None:
    """The names and the date of a byline printed with its date, or None."""
    stripped = text.strip()
    if len(stripped) > MAX_DATED_BYLINE_CHARS:
        return None
    parts = [part.strip() for part in _BYLINE_PARTS.split(stripped) if part.strip()]
    if not 2 <= len(parts) <= 4:
        return None
    names: str | None = None
    date: dt.date | None = None
    labelled = False
    bare: str | None = None
    for part in parts:
        found = parse_date_line(part) if date is None else None
        if found is not None:
            date, labelled = found, bool(_POSTED.match(part))
            continue
        if names is None and bare is None:
            posted_by = _POSTED_BY.match(part)
            if posted_by is not None and _NAMES.fullmatch(part[posted_by.end() :]):
                names = part[posted_by.end() :]
                continue
            if _BYLINE.match(part):
                names = byline_names(part)
                continue
            if _NAMES.fullmatch(part):
                bare = part
                continue
        return None
    names = names or (bare if labelled else None)
    return (names, date) if names and date is not None else None


def byline_date(text: str) -> dt.date | None:
    """The date a byline prints beside the name (:func:`dated_byline`), or None."""
    dated = dated_byline(text)
    return dated[1] if dated is not None else None


# An insert in square brackets inside running text, as web captures keep them:
# "[Lesen Sie auch: …]", "[Wenn Sie … lesen wollen, abonnieren Sie hier …]".
_INSERT = re.compile(r"\[(?P<inner>[^\[\]]{3,800})\]")
_READER_ADDRESS = re.compile(r"\b(?:Sie|Ihnen|Ihre[nmrs]?|du|dich|dir|dein\w*|you|your)\b")
_READER_ACTION = re.compile(
    r"\b(?:hier|newsletter\w*|app|apps|abonnier\w*|abo|abos|anmeld\w*|kostenlos\w*|gratis|bestell\w*|"
    r"lesen|folgen|verfolgen|live-?blog|newsblog|ticker|podcast\w*|push\w*|sign up|subscribe|download|"
    r"read|follow|click)\b",
    _I,
)


def is_reader_insert(inner: str) -> bool:
    """Whether the text of a bracketed insert speaks to the reader about something to read, follow
    or subscribe to (rather than being an editor's note inside a quote, such as ``[der Minister]``)."""
    stripped = inner.strip()
    if boilerplate_kind(stripped) is not None or _PROMPT.match(stripped):
        return True
    return bool(_READER_ADDRESS.search(stripped) and _READER_ACTION.search(stripped))


# A sentence inside running text that is a prompt, a call to readers or a promotion, as captures
# that lost their line breaks keep them: "… im Frühjahr. Lesen Sie auch: … Die Gemeinde …".
MAX_INLINE_PROMPT_WORDS = 30
# A dot right before a small letter or a digit ("news@example.org", "3.5") ends no sentence; one
# before a capital does, as captures without spaces glue sentences ("… hier.Die Gemeinde …").
_SENTENCE = re.compile(r"(?:[^.!?]|\.(?=[a-z0-9äöüß]))+(?:[.!?]+[\"“”»«’']*|$)")


def _is_inline_prompt(sentence: str) -> bool:
    stripped = _BULLET.sub("", sentence.strip())
    return _words(stripped) <= MAX_INLINE_PROMPT_WORDS and _is_furniture_sentence(stripped)


# A second-person pronoun as a question to the reader uses it; German "Sie" and "Ihr" only inside the
# sentence, where their capital marks the polite form ("Haben Sie …?"), not "she" or "her".
_SECOND_PERSON = re.compile(
    r"\b(?:(?i:you|your|yours|du|dich|dir|dein\w*|euch|euer|eure\w*)|(?<=\w )(?:Sie|Ihnen|Ihr|Ihre[nmrs]?))\b"
)
_QUOTE_MARKS = re.compile(r"[\"“”„«»]|(?<!\w)[‘’']|[‘’'](?!\w)")
MAX_READER_QUESTION_WORDS = 20


def is_reader_call(text: str) -> bool:
    """A call to readers to tell, send or write in ("Email us at …", "Schreiben Sie uns")."""
    return bool(_READER_CALL.match(_BULLET.sub("", text.strip())))


def is_reader_question(text: str) -> bool:
    """One short question to the reader, not quoted: "Were you caught in the queues?", "Haben Sie
    den Knall gehört?". The reader marks it only where it closes the article or a call follows it."""
    stripped = text.strip()
    return (
        stripped.endswith("?")
        and "?" not in stripped[:-1]
        and not any(mark in stripped[:-1] for mark in ".!")
        and _words(stripped) <= MAX_READER_QUESTION_WORDS
        and not _QUOTE_MARKS.search(stripped)
        and bool(_SECOND_PERSON.search(stripped))
    )


# A photo credit in round brackets between sentences: "(Photo: AP) The minister …", "… gesperrt. (Foto:
# <Name>)". Only a picture's label ("Quelle: …" in brackets after a figure names where the figure comes
# from) and only where a sentence starts or the text ends: "(CDU)" and the like stay.
_BRACKETED_CREDIT = re.compile(
    r"\((?P<inner>(?i:foto|fotos|photo|photos|photograph|bild|image|picture)\s*:[^()\n]{1,60})\)"
)
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:\"“”»«’']\s*)$")


def _bracketed_credits(text: str) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end())
        for m in _BRACKETED_CREDIT.finditer(text)
        if is_photo_credit(m["inner"])
        and (_SENTENCE_BEFORE.search(text, 0, m.start()) is not None or not text[m.end() :].strip())
    ]


# A reading prompt in round brackets between sentences, as captures keep a teaser box's label glued
# to the next paragraph: "… gesperrt. (Lesen Sie auch: Neue Umleitung)Die Stadt …". Only a prompt
# (``_PROMPT``) and only where a sentence starts: "(siehe oben)", "(wir berichteten)" and an aside
# inside a sentence stay.
_ROUND_INSERT = re.compile(r"\((?P<inner>[^()\n]{3,200})\)")


def _bracketed_prompts(text: str) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end())
        for m in _ROUND_INSERT.finditer(text)
        if _PROMPT.match(m["inner"].strip()) and _SENTENCE_BEFORE.search(text, 0, m.start()) is not None
    ]


def _glued_furniture(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """A prompt glued to the start of a sentence inside running text ("… on Monday. Advertisement
    The harbour master said …"): the same furniture :func:`leading_furniture` cuts off a piece's
    start, where a capture lost the line breaks around it."""
    spans = []
    for first, end in sentences[1:]:
        start = first + len(text[first:end]) - len(text[first:end].lstrip())
        glued = leading_furniture(text[start:end])
        if glued:
            spans.append((start, start + len(text[start : start + glued].rstrip())))
    return spans


def reader_inserts(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the reader inserts in running text: bracketed inserts (brackets included)
    and, in text of several sentences, whole sentences that are prompts or promotions and a prompt
    glued to a sentence's start."""
    spans = [(m.start(), m.end()) for m in _INSERT.finditer(text) if is_reader_insert(m["inner"])]
    for span in _bracketed_credits(text) + _bracketed_prompts(text):
        if not any(a < span[1] and span[0] < b for a, b in spans):
            spans.append(span)
    spans.sort()
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]
    if len(sentences) > 1:
        for span in _glued_furniture(text, sentences):
            if not any(a < span[1] and span[0] < b for a, b in spans):
                spans.append(span)
        for first, end in sentences:
            start = first + len(text[first:end]) - len(text[first:end].lstrip())
            if any(a < end and start < b for a, b in spans):
                continue
            # (a credit line too: captures without line breaks glue "Foto: …", "Quelle: …" into the text)
            if _is_inline_prompt(text[start:end]) or is_photo_credit(text[start:end]):
                spans.append((start, end))
        # A question to the reader right before a call it leads to: "Were you there? Email us at …".
        starts = [first + len(text[first:end]) - len(text[first:end].lstrip()) for first, end in sentences]
        for index in range(len(sentences) - 1):
            start, end = starts[index], sentences[index][1]
            following = starts[index + 1]
            following_end = sentences[index + 1][1]
            if is_reader_question(text[start:end]) and is_reader_call(text[following:following_end]):
                spans.append((start, end))
    return sorted(spans)


# A byline glued to the first sentence by a bar, as captures without line breaks keep it: "Von ANNA
# MUSTER | Eine Brücke …", "By Jane Doe | The bridge …".
_LEADING_BYLINE = re.compile(
    rf"^(?:Von|VON|By|BY)\s+{_NAME}(?:\s*(?:,|und|and|&)\s*{_NAME})*\s*\|\s*(?=[A-ZÄÖÜ\"„“0-9])"
)


def leading_byline(text: str) -> int:
    """The length of a byline and its bar glued to the start of ``text`` (0 when there is none)."""
    match = _LEADING_BYLINE.match(text[:MAX_FURNITURE_CHARS])
    return match.end() if match else 0


def leading_dateline(text: str) -> int:
    """The length of a press release's dateline opening ``text`` (0 when there is none)."""
    match = _LEADING_DATELINE.match(text[:MAX_FURNITURE_CHARS])
    return match.end() if match else 0


def leading_furniture(text: str) -> int:
    """The length of a prompt glued to the start of ``text`` (0 when there is none)."""
    match = _LEADING_FURNITURE.match(text)
    return match.end() if match else 0


def ends_with_photo_credit(text: str) -> bool:
    """A short piece that ends with a photo credit is the caption of that photo; a longer one too
    when it opens the way wire captions do ("FILE - In this … file photo, …")."""
    return (
        len(text) <= MAX_CAPTION_CHARS
        and (_words(text) <= MAX_CAPTION_WORDS or bool(_CAPTION_OPENER.match(text.strip())))
        and bool(_CREDIT_TAIL.search(text.strip()))
    )
