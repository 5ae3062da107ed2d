"""Acute-danger detector: curated Dutch and English patterns, with context checks.

The trained intent classifier can miss danger phrased in a way it never saw, and a miss
here is the worst failure the assistant can have. These patterns are a second, explicit
net: any match makes the message ``acute_danger`` (112 first), whatever the classifier
said. The patterns favour recall; what keeps precision up is the context check: a match
that is negated ("hij heeft geen mes"), about the past ("vorig jaar stond hij voor de
deur"), habitual ("hij slaat me soms"), hypothetical or a question ("wat moet ik doen als
hij een mes pakt", "is het normaal dat hij me slaat"), or about a game, film or dream
does not count.

The rules come in broad families (who does what to whom, now), written from the kinds of
messages people in danger send rather than from single example sentences: bare cries for
help, violence in the present tense, weapons in someone's hands, threats to kill, someone
on the way or already here, being locked in or hiding, a bystander hearing it happen,
injuries, fire and gas, abduction, being followed. Chat shorthand ("mn", "hes", "cant")
is expanded first so each pattern only has to spell a word one way.

``cancels_danger`` is the other side of the same judgement: when the trained classifier
(not these patterns) calls a message acute danger, it says whether the message clearly
cancels that (the past, an explicit "no weapon" or "I'm safe now", a hypothetical, an
everyday use), so the NLU component can demote the classifier's guess.

Pure functions only: no Rasa import, so the detector is testable and reusable on its own.
Tuning sets: ``data/danger/danger_dev.yml``, ``danger_test.yml``, ``danger_tune.yml`` and
``danger_tune2.yml`` (the same directory is the trained danger classifier's corpus, see
``bot.danger_classifier``); the blind sets in ``tests/data/``, which nobody tuning the patterns
or training the classifier has seen, measure whether they generalise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text import normalise

# ---------------------------------------------------------------------------------------
# Vocabulary shared by the rule families.
# ---------------------------------------------------------------------------------------

# Someone other than the writer: the person who is a danger, or who is in danger.
_WHO = (
    r"(?:hij|hy|ie|ze|zij|die|mijn|mn|m'n|haar|zijn|z'n|zn|de buurman|vader|papa|pa|"
    r"moeder|mama|ma|stiefvader|he|hes|he's|she|shes|she's|they|they're|theyre|my|her|his|"
    r"him|dad|mum|mom|stepdad|stalker)"
)
# People, by relation: the subject or object of an act of violence.
_KIN = (
    r"(?:man|vrouw|ex|vriend|vriendin|vriendje|partner|vader|moeder|papa|mama|pappa|mamma|stiefvader|"
    r"stiefmoeder|pleegvader|pleegmoeder|broer|broers|broertje|zus|zussen|zusje|zoon|zoontje|dochter|"
    r"dochtertje|kind|kinderen|kindje|kids|baby|opa|oma|oom|tante|neef|nicht|neefje|nichtje|buurman|"
    r"buurvrouw|buren|bovenburen|buurjongen|buurmeisje|schoonvader|schoonmoeder|zwager|familie|kleinzoon|"
    r"kleindochter|huisgenoot|jongen|meisje|vent|husband|wife|boyfriend|girlfriend|dad|daddy|father|mum|"
    r"mom|mommy|mummy|mother|stepdad|stepfather|stepmom|stepmother|brother|brothers|sister|son|daughter|"
    r"kid|child|children|grandson|granddaughter|grandpa|grandma|uncle|aunt|cousin|neighbour|neighbor|"
    r"neighbours|neighbors|roommate|woman|guy|girl|boy|family|stalker|man)"
)
_POSS = r"(?:mijn|zijn|haar|onze|ons|de|het|een|die|my|his|her|our|the|a|their)"
# A third person doing something: a pronoun or "(mijn) (grote) broer".
_SUBJ = rf"(?:hij|zij|ze|die|iemand|he|she|they|someone|somebody|(?:{_POSS} )?(?:\w+ )?{_KIN})"
# Someone it is done to.
# "haar" and "her" are objects only when no noun follows ("ze bijt haar nagels" is not).
_AFTER_OBJ = (
    r"(?=$|[^\w ]| (?:in|op|met|nu|weer|tegen|de|het|een|en|van|aan|bij|hard|heel|steeds|al|net|zo|naar|door|"
    r"omdat|want|maar|dood|kapot|bont|blauw|echt|nog|ook|toch|ik|hij|ze|zij|terwijl|voor|onder|uit|om|on|with|now|"
    r"again|against|and|to|by|around|down|up|so|really|badly|while|into|off|out|right|over|across|from|because|i|he|"
    r"she|slaat|schopt|wurgt|trapt|duwt|sleurt|sleept|mishandelt|verkracht|meesleurt|knijpt|stompt|mept|bedreigt)\b)"
)
_OBJ = (
    rf"(?:me|mij|ons|hem|zichzelf|us|him|them|himself|herself|themselves|(?:haar|her){_AFTER_OBJ}|"
    rf"(?:{_POSS} )?(?:\w+ )?{_KIN})"
)
_NOW = r"(?:nu|nou|op dit moment|net|meteen|nu meteen|vanavond|vannacht|right now|now|tonight|rn)"
_DOOR = r"(?:deur|voordeur|raam|door|front door|window)"
_WEAPON = (
    r"(?:mes|messen|keukenmes|stiletto|pistool|vuurwapen|wapen|geweer|revolver|schaar|hamer|"
    r"bijl|honkbalknuppel|knuppel|knife|knive|knives|gun|pistol|weapon|rifle|scissors|hammer|"
    r"axe|bat|machete|stanleymes|glas|stuk glas|schroevendraaier|breekijzer|kapotte fles|fles|knfe|knif|kinfe|"
    r"broken bottle|crowbar|screwdriver|baseball bat)"
)
# Weapons that are danger in someone's hands whatever the verb ("hij stuurt fotos van een
# mes"); household objects (schaar, hamer, fles) only count with a threatening verb.
_STRONG_WEAPON = (
    r"(?:mes|messen|keukenmes|broodmes|vleesmes|stiletto|stanleymes|pistool|vuurwapen|wapen|wapens|geweer|"
    r"jachtgeweer|revolver|bijl|knuppel|honkbalknuppel|machete|zwaard|breekijzer|knife|knives|gun|guns|"
    r"pistol|rifle|shotgun|weapon|axe|machete|crowbar|baseball bat|knfe|knif|kinfe)"
)
# A weapon in a kitchen, a shop, a hobby or a toy box is not a threat.
_WEAPON_EVERYDAY = re.compile(
    r"\b(?:gekocht|kopen|koop|kocht|bought|buy|buying|set|cadeau|gift|verzameling|collectie|collection|jacht|"
    r"hunting|hunter|vergunning|licen[cs]e|schietvereniging|shooting (?:club|range)|slijp\w*|sharpen\w*|"
    r"brood|bread|taart|cake|groente\w*|vegetables|vlees|meat|koken|kookt|cooking|cooks|recept|recipe|"
    r"vaatwasser|dishwasher|afwas|dishes|snijplank|speelgoed\w*|toy|nep|fake|nerf|kok|chef|cursus|class|les|"
    r"lessons?|skills|scouting|kamp|camping|vissen|fishing|knutsel\w*|inpakken|cadeautje|nodig|need|needs|lenen|"
    r"borrow|fiets|bike|wijn|bier|drinken|wine|beer|thee|tea|klussen|klust|diy|repareren|repair|fix\w*|gereedschap|tools?|schietsport|sport)\b"
)
_HIT_NL = (
    r"(?:slaat|sla|slaan|schopt|schoppen|stompt|wurgt|wurgen|knijpt|duwt|trapt|mishandelt|"
    r"pakt|grijpt|bijt|steekt|sleurt|trekt|gooit|smijt|gooien|slaat me|mept)"
)
# Present-tense acts of violence that need nothing more than a person on the receiving
# end to be danger: "hij wurgt haar", "papa slaat mama", "(ik denk dat) hij haar slaat".
_VIOLENT_NL = (
    r"(?:slaat|slaan|schopt|schoppen|trapt|trappen|stompt|stompen|wurgt|wurgen|mishandelt|mishandelen|mept|"
    r"meppen|bijt|sleurt|sleept|meesleurt|meesleept|verkracht|ramt|beukt|tuigt|schudt|duwt|duwen|knijpt|"
    r"bedreigt|bedreigen|aanrandt|in elkaar slaat|slaat in elkaar|verstikt|smoort|martelt)"
)
_HIT_EN = (
    r"(?:hitting|beating|kicking|punching|choking|strangling|hurting|attacking|stabbing|"
    r"dragging|slapping|throttling)"
)
# English progressive: "he's pulling me by my hair", "she is shaking the baby".
_VIOLENT_ING = (
    r"(?:hitting|beating|kicking|punching|choking|strangling|hurting|attacking|stabbing|dragging|slapping|"
    r"throttling|pulling|shaking|shoving|pushing|raping|biting|grabbing|smothering|suffocating|pinning|"
    r"burning|cutting|slamming|threatening|beating up|strangling|drowning|whipping|battering|assaulting|"
    r"molesting|headbutting|stomping|smashing)"
)
_KILL_NL = r"(?:doodmake|dood make|vermoorde|vermoorden|vermoord|doodmaken|dood maken|doodmaakt|dood|afmaken|kapot maken|doodsteken|neerschieten)"
_KILL_EN = r"(?:kill|murder|stab|shoot|strangle|end)"
# Words that kill in Dutch, whatever the grammar: vermoordt, doodmaakt, af te maken.
_KILLS_NL = (
    r"(?:vermoord\w*|doodma\w*|dood (?:te |gaat |zal |wil )?ma(?:ken|akt)|af (?:te )?maken|afmaakt|afmaken|"
    r"doodsteek\w*|doodschiet\w*|neersteek\w*|neerschiet\w*|doodslaan|doodslaat|kapot (?:te )?maken|"
    r"van kant (?:te )?maken|om zeep (?:te )?helpen|doodgaan|dood gaan)"
)
_KILLS_EN = r"(?:kill\w*|murder\w*|finish (?:me|us|her|him|you)|shoot\w*|stab\w*|strangle\w*|slit)"
# Places a person can be shut in.
_ROOM = (
    r"(?:kamer|slaapkamer|badkamer|wc|toilet|kelder|schuur|zolder|kast|auto|kofferbak|huis|garage|berging|"
    r"room|bedroom|bathroom|basement|cellar|closet|shed|attic|car|trunk|house|garage)"
)
_SOON = re.compile(
    rf"\b(?:{_NOW}|zo|straks|zometeen|dadelijk|vandaag|als ik thuis ?kom|when i get home|soon|any minute|"
    rf"any second|later today|today)\b"
)


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    # Rules whose meaning already contains a negation ("ik durf niet naar huis") must
    # not be cancelled by that same negation.
    negatable: bool = True
    # Rules that describe something that could be habitual ("ze wordt geslagen") only count
    # with a "now" cue somewhere in the message.
    needs_now: bool = False
    # A second cue the message must contain for the match to count (None: no such need).
    requires: re.Pattern[str] | None = None


def _rule(
    name: str,
    pattern: str,
    *,
    negatable: bool = True,
    needs_now: bool = False,
    requires: re.Pattern[str] | None = None,
) -> _Rule:
    return _Rule(name, re.compile(pattern), negatable, needs_now, requires)


# Any word for violence, past or present: context for "he won't stop".
_VIOLENCE_WORD = re.compile(
    r"\b(?:sla\w*|sloeg|geslagen|schop\w*|geschopt|trap\w*|stomp\w*|wurg\w*|duw\w*|knijp\w*|hit\w*|kick\w*|"
    r"punch\w*|beat\w*|chok\w*|strangl\w*|push\w*|shov\w*|slap\w*|schreeuw\w*|shout\w*|yell\w*|scream\w*)\b"
)
# What makes a passive or a witnessed scene "now": the writer perceives it, or asks for help.
_WITNESS = re.compile(
    rf"\b(?:{_NOW}|hoor|horen|hoorde|zie|zien|hear|hearing|heard|see|seeing|watching|door de muur|through the wall|"
    rf"op straat|voor (?:mijn|ons) huis|hiernaast|boven(?:buren)?|beneden|next door|upstairs|downstairs|outside|"
    rf"help|hulp|wat moet ik doen|what do i do|what should i do|via de telefoon|on the phone|kom snel|bel|"
    rf"schreeuwt|gilt|huilt|krijst|screaming|crying|screams)\b"
)

# ---------------------------------------------------------------------------------------
# Broad families, written for phrasing in general rather than for single sentences.
# ---------------------------------------------------------------------------------------
_FAMILIES: tuple[_Rule, ...] = (
    # Calls for help, police or an ambulance in the imperative: "bel de politie", "kom snel",
    # "stuur hulp", "please come quickly". Questions about when to call are not.
    _rule(
        "call_for_help",
        r"\b(?:bel|call|ring) (?:nu |snel |even |aub |pls |alsjeblieft |please |now |quick )*"
        r"(?:de politie|politie|112|een ambulance|ambulance|the police|police|the cops|cops|911|999|an ambulance)\b"
        r"|\bkom (?:nu |aub |please |alsjeblieft |alstublieft )*(?:snel|nu|hier|hierheen|alsjeblieft|helpen)\b"
        r"(?! (?:eens|een keer|langs|maar|op bezoek|weer|terug|even|gezellig|kijken|eten))"
        r"|\bcome (?:quick|quickly|fast|now|here|help|asap|please)\b(?! (?:and see|visit|over for|to dinner|by))"
        r"|\bplease come\b(?! (?:to|and|over|visit|by))|\bhurry\b"
        r"|\bstuur (?:nu |snel |aub |alsjeblieft )*(?:de politie|politie|hulp|iemand|een ambulance|ambulance)\b"
        r"|\bsend (?:the police|police|help|someone|an ambulance|the cops|cops)\b"
        r"|\b(?:(?:nu|dringend|meteen|snel) hulp nodig|hulp nodig (?:nu|dringend|meteen|snel)|"
        r"need help (?:now|right now|asap|urgently|fast)|need (?:the )?police)\b"
        r"|\b(?:vraagt|vroeg|smeekt|smeekte|asks|asked|begs|begged|begging) .{0,20}(?:politie|112|police|911)\b"
        r"|\b(?:snel|nu|please|aub|alsjeblieft|get) (?:de |the )?(?:politie|police|cops)\b|\b(?:politie|police|cops) "
        r"(?:snel|nu|please|aub|alsjeblieft|now|here|quick|asap)\b",
    ),
    # Someone screaming for help or begging to stop, heard or seen now.
    _rule(
        "hearing_violence",
        r"\b(?:roept|roepen|riep|gilt|gillen|gilde|schreeuwt|schreeuwen|krijst|krijsen|smeekt|huilt|"
        r"screams?|screaming|yells?|yelling|cries|crying|calls?|calling|shouting|begging|begs)\b.{0,12}"
        r"\b(?:om hulp|help|stop|for help|to stop|him to stop|her to stop|hem te stoppen)\b(?! (?:bij|met|with|on))"
        r"|\b(?:tekeer|te keer)\b.{0,30}\b(?:tegen|bij)\b",
    ),
    # A third person doing violence to someone, in the present tense: main clause
    # ("hij wurgt haar", "papa slaat mama") or subordinate clause ("dat hij haar slaat").
    _rule(
        "violence_now",
        rf"\b{_SUBJ}\b(?: \w+){{0,3}}? {_VIOLENT_NL}\b(?: [\w']+){{0,4}}? {_OBJ}\b"
        rf"|\b{_SUBJ} (?:[\w']+ ){{0,4}}?{_OBJ} (?:[\w']+ ){{0,5}}?{_VIOLENT_NL}\b",
    ),
    # Acts that need their object to be violent: pulled by the hair, thrown at, grabbed by
    # the throat, pushed against the wall, objects thrown at someone.
    _rule(
        "violence_now",
        r"\b(?:trekt|sleurt|sleept|pakt|grijpt|houdt)\b.{0,20}\b(?:aan|bij|by)\b.{0,12}\b(?:haar|haren|hair|keel|nek|throat|neck)\b"
        r"|\b(?:gooit|smijt|smijten|gooien|slaat|throws|throwing|hurls|hurling)\b.{0,6}\b(?:met|with)\b.{0,15}"
        r"\b(?:dingen|spullen|stoelen|stoel|borden|glazen|messen|meubels|alles|things|stuff|plates|chairs?|furniture)\b"
        rf"|\b(?:drukt|duwt|ramt|slaat|smijt|gooit|schudt|houdt)\b (?:{_OBJ}|(?:mijn|zijn|haar|z'n|m'n) (?:hoofd|kop|gezicht))"
        r"(?: [\w']+){0,4}? (?:tegen de (?:muur|grond|vloer|kast|deur)|van de trap|onder water|door elkaar)\b"
        rf"|\b(?:throwing|hurling|chucking|throws|gooit|smijt|gooien)\b.{{0,25}}\b(?:at|naar) {_OBJ}"
        r"|\b(?:zit|ligt) (?:boven ?op|op) (?:me|mij|haar|hem|mijn borst)\b|\b(?:on top of|sitting on) (?:me|her|him)\b",
    ),
    # Trying to do violence: "hij probeert me te wurgen", "trying to strangle me".
    _rule(
        "violence_now",
        rf"\b(?:probeert|probeerde net|wil|(?:heeft|had) (?:net |zojuist |daarnet )?geprobeerd)\b (?:[\w']+ ){{0,3}}?{_OBJ} "
        rf"(?:[\w']+ ){{0,3}}?te "
        r"(?:wurgen|slaan|steken|verdrinken|verstikken|vermoorden|doden|duwen|schoppen|verkrachten|pakken|trekken|sleuren|"
        r"slepen|meenemen|ontvoeren|stikken|verbranden|overrijden|aanrijden|aanranden|duwen|gooien)\b"
        r"|\b(?:trying|tries|tried) to (?:strangle|choke|stab|drown|suffocate|smother|hit|kill|rape|grab|push|drag)\b",
    ),
    # English progressive, which is about now by its grammar: "he's pulling me by my hair".
    _rule(
        "violence_now",
        rf"\b(?:is|are|'s|'re)\b (?:\w+ )?{_VIOLENT_ING}\b (?:[\w']+ ){{0,2}}?(?:{_OBJ}|everything|things|"
        r"the door|at me|at us)\b",
    ),
    # Dutch progressive: "is aan het slaan", "staat te slaan".
    _rule(
        "violence_now",
        r"\b(?:is|zijn|ben|staat|zit|ligt)\b.{0,25}\b(?:aan het|te) (?:slaan|schoppen|trappen|wurgen|mishandelen|"
        r"vechten|steken|meppen|razen|slopen|gooien|smijten|dreigen|beuken|rammen|doordraaien|stompen)\b",
    ),
    # Violence just done, told from the middle of it: "hij heeft me net geslagen", "he just
    # raped me", or still going on: "he kicked me and won't stop".
    _rule(
        "violence_now",
        rf"\b{_SUBJ}\b.{{0,25}}\b(?:net|zojuist|just)\b(?: [\w']+){{0,4}} (?:ge(?:slagen|schopt|trapt|stompt|duwd|"
        r"wurgd|stoken|beten|sleurd|sleept|gooid|smeten|drukt|mept)|verkracht|mishandeld|aangerand|in elkaar geslagen|"
        r"hit|punched|pushed|shoved|kicked|slapped|raped|stabbed|strangled|choked|beat|attacked|threw|"
        r"assaulted|knocked|smashed|broke|slammed|dragged|bit|burned|burnt|cut|grabbed|headbutted|"
        r"kneed|stomped|whipped|hurt|injured)\b"
        r"|\b(?:slam\w*|smash\w*|bang\w*|ram\w*|hit\w*|sla\w*|ramt|ramde)\b (?:my|her|his|mijn|haar|zijn) "
        r"(?:head|face|hoofd|gezicht|kop)\b.{0,10}\b(?:into|against|on|tegen|op)\b",
    ),
    _rule(
        "violence_now",
        r"\b(?:won'?t stop|will not stop|doesn'?t stop|houdt niet op|stopt niet|blijft maar|keeps going)\b",
        negatable=False,
        requires=_VIOLENCE_WORD,
    ),
    # Destruction now: "hij slaat alles kapot", "he's smashing up the kitchen".
    _rule(
        "violence_now",
        r"\b(?:slaat|gooit|maakt|trapt|smijt|schopt)\b (?:alles|de boel|de hele \w+|het huis|de keuken|de kamer|"
        r"de deur|de ramen|de ruiten|mijn spullen|het interieur)\b.{0,10}\bkapot\b|\bsloopt (?:alles|de boel|het huis)\b"
        r"|\b(?:is|are|'s|'re) (?:smashing|wrecking|trashing|breaking|destroying|throwing) (?:up )?(?:everything|things|"
        r"stuff|the (?:house|flat|kitchen|place|room|furniture|door|windows)|our \w+|my \w+)\b",
    ),
    # Someone being beaten, in the passive: only with a cue that it happens now or is
    # witnessed ("er wordt een vrouw geslagen op straat", "mn moeder wordt geslagen, help").
    _rule(
        "violence_now",
        r"\b(?:wordt|worden|is being|are being|getting|gets)\b.{0,40}\b(?:(?:in elkaar )?geslagen|geschopt|"
        r"mishandeld|gewurgd|gestoken|getrapt|verkracht|beaten(?: up)?|hit|kicked|strangled|stabbed|attacked|"
        r"raped|choked)\b",
        requires=_WITNESS,
    ),
    # Weapons in a third person's hands, any present-tense construction: "papa heeft een
    # mes", "er staat iemand met een mes", "hij gaat een mes halen", "he's got a gun".
    _rule(
        "weapon",
        rf"\b{_SUBJ}\b.{{0,50}}\b{_STRONG_WEAPON}\b|\b{_STRONG_WEAPON}\b.{{0,30}}\b(?:in (?:zijn|haar|z'n) hand|"
        r"in (?:his|her) hand|op (?:me|mij|ons|haar) gericht|at me|at us|at her|to my)\b",
        requires=None,
    ),
    # Threats to kill, whoever is named: "hij zegt dat hij eerst de kinderen en dan zichzelf
    # doodmaakt", "he'll finish me", "we gaan allemaal dood".
    _rule(
        "kill_threat",
        rf"\b{_OBJ}\b.{{0,40}}\b{_KILLS_NL}\b|\b{_KILLS_NL}\b.{{0,10}}\b(?:me|mij|ons|haar|hem)\b"
        rf"|\b(?:we|wij|ik|jullie|ze)\b.{{0,20}}\b(?:gaan|ga|gaat)\b.{{0,10}}\bdood\b"
        rf"|\b(?:kill\w*|murder\w*|shoot\w*|stab\w*|strangle\w*|finish|end|slit) (?:[\w']+ ){{0,2}}?(?:me|us|her|him|them|you|"
        r"himself|herself|themselves|my|the kids|"
        r"the children|everyone)\b"
        r"|\b(?:we'?re|we are|i'?m|i am|wij zijn|ik ben|zijn wij|ben ik) (?:de )?(?:next|volgende)\b(?! (?:in|on|up|week|time|one))"
        # A threat of suicide by the one who is a danger.
        r"|\b(?:zichzelf|himself|herself)\b.{0,20}\b(?:ophangen|iets aandoen|iets aan doen|van kant|doodmaken|"
        r"dood maken|vermoorden|kill|hang|hurt|harm|end)\b|\b(?:kill|hang|hurt|harm) (?:himself|herself)\b",
    ),
    # Not alive tomorrow: the negation is the threat. Not "ik wil niet meer leven": that is the
    # writer's own suicidal thoughts, which go to 113 first (bot/escalation.py), not to 112.
    _rule(
        "kill_threat",
        r"\b(?:(?:ik|je|jij|we|wij) (?!wil\b|wou\b|wilde\b)(?:\w+ ){0,2}niet meer (?:leef|leeft|zal leven)|niet levend|"
        r"won'?t be alive|not be alive|won'?t live|will not live)\b",
        negatable=False,
    ),
    # Threats to harm soon: "ze gaan me vanavond straffen", "hij zei dat hij me gaat pakken".
    _rule(
        "kill_threat",
        r"\b(?:gaat|gaan|zal|zullen|komt|komen|wil|willen|will|going to|gonna|'ll)\b.{0,20}\b(?:me|mij|ons|us|me)\b"
        r".{0,20}\b(?:straffen|pakken|pijn doen|iets aandoen|te grazen nemen|een lesje leren|punish|hurt|get|make me pay)\b",
        requires=_SOON,
    ),
    # Threats to harm a child or the writer: "dreigt hem te laten vallen", "threatening to drop".
    _rule(
        "kill_threat",
        r"\bdreig\w*\b.{0,40}\bte (?:laten vallen|gooien|slaan|steken|duwen|verdrinken|wurgen|doden|"
        r"verbranden|vermoorden|pakken|ontvoeren|nemen)\b|\bthreat\w* to (?:throw|drop|hurt|hit|stab|shoot|kill|"
        r"drown|burn|take|smother|strangle)\b",
    ),
    # Someone on the way, here, or coming for the writer: dangerous in itself.
    _rule(
        "coming_now",
        r"\bkom(?:t|en) (?:me|mij|ons|haar|jou|je) (?:\w+ )?(?:halen|zoeken|pakken|straffen|vermoorden|afmaken|vinden)\b"
        r"|\b(?:coming|comes|come) (?:for|after|to get) (?:me|us|her)\b|\bcoming (?:at|toward|towards) (?:me|us|her|the house)\b"
        r"|\b(?:loopt|komt|rent|rijdt) (?:recht )?op (?:me|mij|ons|haar) af\b"
        r"|\b(?:komt|kwam) (?:nu )?(?:de trap op|naar boven|naar binnen|binnen)\b|\bzo binnen ?komt\b"
        r"|\bcoming (?:up the stairs|upstairs|inside|in the house)\b|\b(?:found|finds) (?:me|us)\b(?! (?:a|an|the|some|een|de|het)\b)"
        r"|\bheeft (?:me|mij|ons) gevonden\b|\b(?:staat|staan|zit|zitten|wacht|wachten)\b.{0,30}\bte wachten\b"
        r"|\bwaiting (?:outside|for me|for us|at)\b|\bwacht (?:buiten |daar |beneden )?op (?:me|mij|ons)\b",
    ),
    # Locked in, trapped, or shut out by someone: any wording of "opsluiten" or of a room
    # one is stuck in ("ik zit vast in de slaapkamer", "he locked me in the basement").
    _rule(
        "locked_in",
        rf"\bopgesloten\b|\bopsluit\w*\b|\bsluit\b.{{0,30}}\bop\b|\blocked (?:me|us|her|him|them|the kids) "
        rf"(?:in|up|inside|out)\b|\b(?:(?:zit|zitten|ben|zijn) vast|stuck|trapped)\b in (?:de|het|mijn|onze|the|my|a) "
        rf"(?:\w+ )?{_ROOM}\b"
        r"|\b(?:dichtgezet|dichtgetimmerd|geblokkeerd|gebarricadeerd|blocked|barricaded) (?:met|with)\b"
        r"|\b(?:hij|ze|zij)\b heeft (?:de|alle|onze|mijn) (?:\w+ )?(?:deur|deuren) op slot\b",
    ),
    # Put out of the house: urgent tonight ("ze hebben me nu buitengezet"), not as a story of
    # how someone became homeless ("my dad kicked me out when i came out").
    _rule(
        "locked_in",
        r"\b(?:me|mij|ons) .{0,20}buitengezet\b|\b(?:kicked|threw|thrown) (?:me|us) out\b",
        needs_now=True,
    ),
    # Held and not let go: the negation is the danger.
    _rule(
        "locked_in",
        r"\bwon'?t let (?:me|us|her|him|them|go)\b|\blaat (?:me|mij|haar|hem|ons|het kind|de baby) niet (?:los|gaan)\b",
        negatable=False,
    ),
    # Fled or hiding right now.
    _rule(
        "hiding",
        r"\b(?:net|zojuist|just)\b.{0,15}\b(?:gevlucht|ontsnapt|weggerend|weggevlucht|escaped|ran away|got away|fled)\b"
        r"|\bben\b.{0,25}\bgevlucht\b|\b(?:lig|zit|sta|ben|zitten|liggen|zijn)\b.{0,25}\bverstopt\b|\bverstop (?:me|mij|ons)\b",
    ),
    # Injuries: a person bleeding, not moving, not breathing, unconscious. The negation is
    # part of the meaning ("ze beweegt niet meer"), so it cannot cancel the match.
    _rule(
        "injury_now",
        rf"\b(?:{_SUBJ}|ik|i|i'm|i am)\b.{{0,35}}\b(?:beweegt niet|reageert niet(?! op)|reageert nergens|zegt niks meer|"
        r"zegt niets meer|ademt niet|ademt (?:heel |erg )?(?:raar|vreemd|moeilijk|nauwelijks|zwaar)|"
        r"is in elkaar gezakt|zakte in elkaar|in elkaar gezakt|wordt niet wakker|kom niet (?:meer )?overeind|"
        r"kan niet (?:meer )?overeind|not breathing|isn'?t breathing|stopped breathing|not moving|isn'?t moving|"
        r"won'?t wake up|not responding|isn'?t responding|collapsed|can'?t get up|cannot get up)\b",
        negatable=False,
    ),
    _rule(
        "injury_now",
        rf"\b(?:{_SUBJ}|ik|i|i'm|i am)\b.{{0,20}}\b(?:bloedt|bloed heel erg|bloed erg|bloedend|ligt te bloeden|"
        r"is bleeding|'s bleeding|am bleeding|bleeding (?:a lot|bad|badly|heavily|from))\b"
        r"|\b(?:zie bloed|overal bloed|onder het bloed|onder de bloed|covered in blood|see blood|blood on the floor|"
        r"bloed onder de deur|doodstil)\b",
    ),
    # Bones broken by someone: "hij heeft mijn arm gebroken", "he broke my nose".
    _rule(
        "injury_now",
        r"\b(?:heeft|brak)\b (?:mijn|haar|zijn) (?:arm|neus|pols|kaak|ribben|rib|been|vingers?|enkel)\b"
        rf"|\b{_SUBJ}\b.{{0,30}}\b(?:broke|has broken)\b (?:my|her|his) (?:arm|nose|ribs?|wrist|"
        r"jaw|leg|fingers?|ankle)\b",
    ),
    # Fire, gas and burning: "gaskraan opengedraaid", "ruik gas", "burn the house down".
    _rule(
        "fire_or_abduction",
        r"\b(?:gaskraan|gas (?:open|aan)|ruik gas|smell gas|turned the gas on|gas on|burn\w* (?:\w+ ){0,3}down|"
        r"(?:benzine|petrol|gasoline|aansteker|lighter)\b.{0,40}\b(?:aansteker|lighter|benzine|petrol|aansteken|"
        r"light|fik|brand)|in (?:de )?brand (?:te )?(?:steken|zetten)|set (?:\w+ ){0,2}on fire)\b",
    ),
    # Abduction now, including forced marriage abroad: taken away against one's will.
    _rule(
        "fire_or_abduction",
        r"\b(?:meenemen|meegenomen|neemt|brengt|brengen|sturen|stuurt|taking|take|takes|sending|send)\b.{0,40}"
        r"\b(?:buitenland|andere kant van de wereld|vliegveld|airport|abroad|out of the country|back home to)\b"
        r"|\b(?:buitenland|andere kant van de wereld|vliegveld|abroad|airport)\b.{0,10}\b(?:brengt|brengen|sturen|stuurt|"
        r"meeneemt|meenemen|ontvoert|trouwen|uithuwelijken)\b"
        r"|\b(?:met|with) (?:de|the|onze|our|mijn|my) (?:kinderen|kids|kind|child|baby|dochter|zoon|daughter|son)\b"
        r".{0,40}\b(?:weg|gestapt|weggereden|rijdt weg|rijden weg|driving off|drove off|ran off|gone)\b"
        r"|\b(?:rijden|rijdt|rijdt weg|driving|drive) .{0,25}(?:weet niet waar|don'?t know where)\b"
        r"|\b(?:grabbed|took|snatched|has taken|is taking|taking) (?:the|our|my) (?:kids|children|kid|child|baby|"
        r"daughter|son)\b",
        negatable=False,
    ),
    # Breaking in, doors and windows under attack: "hij breekt in", "er wordt op de deur
    # gebonkt", "he's trying to kick the door in", "zit aan de deurklink te rammelen".
    _rule(
        "breaking_in",
        r"\b(?:breekt in|breaking in|breaks in|inbreekt|inbreken)\b|\b(?:glas|ruit|raam|ramen|window|"
        r"windows|glass)\b.{0,20}\b(?:breken|brak|kapot|ingegooid|ingeslagen|smash\w*|break\w*|shatter\w*)\b"
        r"|\b(?:ingegooid|ingeslagen|ingetrapt)\b"
        r"|\b(?:gebonkt|gebonsd|gebeukt|geramd|getrapt|geschopt)\b|\b(?:rammel\w*|morrel\w*)\b.{0,30}\b(?:deur|klink|slot|raam)|\b(?:deur|klink|slot|raam)\w*\b.{0,30}\b(?:rammel\w*|morrel\w*)\b"
        r"|\bkick\w* (?:the|my|our) (?:\w+ )?door (?:in|down|open)\b|\bbreak\w* (?:down )?(?:the|my|our) (?:\w+ )?door\b"
        r"|\b(?:staat|staan)\b.{0,30}\b(?:te (?:bellen en te )?(?:trappen|bonken|bonzen|beuken|rammen|schoppen))\b",
    ),
    # Followed or pursued now.
    _rule(
        "followed_now",
        r"\b(?:word|wordt|worden|ben|being|am being)\b.{0,10}\b(?:gevolgd|achtervolgd|followed|chased)\b"
        r"|\b(?:zit|rijdt|loopt|fietst|rent)\b.{0,20}\b(?:vlak )?achter (?:me|mij|ons|haar)\b|\bachter (?:me|mij|ons) aan\b"
        r"|\brijdt\b.{0,20}\brondjes\b|\b(?:walking|driving|circling) (?:up and down|around)\b",
    ),
    # Writing in secret, phone taken, someone close by: "kan niet praten hij is in de kamer
    # naast me", "he took my phone, i'm on my laptop".
    _rule(
        "coming_now",
        r"\b(?:kan niet (?:praten|bellen)|can'?t (?:talk|call|speak)|cannot (?:talk|call|speak)|typ stiekem|"
        r"typing (?:quietly|in secret)|mag dit niet zien)\b.{0,40}\b(?:hij|ze|zij|he|she|they|hoort|hears)\b"
        r"|\b(?:hij|ze|zij|he|she|they)\b.{0,40}\b(?:kan niet (?:praten|bellen)|can'?t (?:talk|call|speak))\b"
        r"|\b(?:telefoon|phone)\b.{0,20}\b(?:afgepakt|kapot gegooid|kapot|took|taken|smashed|broke)\b.{0,60}"
        r"\b(?:terug|komt|back|coming|here|typ|laptop|tablet)\b",
        negatable=False,
    ),
    # --- Families generalised from danger_tune2.yml (the former blind set) ---------------------
    # The passive with its agent named is the active voice: "mama wordt geslagen door papa" says
    # what "papa slaat mama" says (a child's phrasing); "pijn doen" is violence too.
    _rule(
        "violence_now",
        r"\b(?:wordt|word|worden)\b(?: [\w']+){0,3}? door (?:mijn |m'n |zijn |haar |de |onze |een )?(?:\w+ )?"
        rf"{_KIN}\b(?: [\w']+){{0,3}}? (?:(?:in elkaar )?geslagen|geschopt|getrapt|gestompt|gewurgd|mishandeld|"
        r"verkracht|gestoken|geduwd|gesleurd|bedreigd|pijn gedaan)\b"
        r"|\b(?:wordt|word|worden) (?:(?:in elkaar )?geslagen|geschopt|getrapt|gewurgd|mishandeld|verkracht|gestoken|"
        rf"bedreigd) door (?:mijn |m'n |zijn |haar |de |onze )?(?:\w+ )?{_KIN}\b"
        rf"|(?:\b{_SUBJ} (?:doet|doen) {_OBJ} (?:[\w']+ ){{0,2}}?pijn\b|\b{_OBJ} (?:[\w']+ ){{0,2}}?pijn (?:doet|doen)\b)"
        r"(?! (?:met (?:zijn|haar|die|wat|z'n) \w+|emotioneel|van binnen|in (?:mijn|m'n) hart|met woorden))",
    ),
    # Still going on, or starting again, after an injury or an act of violence:
    # "hij gaat maar door", "hij begint weer", "he's starting again".
    _rule(
        "violence_now",
        r"\b(?:gaat maar door|gaat (?:nog steeds |gewoon )?door met|blijft maar doorgaan|begint (?:nu )?weer|"
        r"(?:is|'s) starting again|starts again|keeps going|carries on|is still going)\b(?= *(?:$|[,.!?]| en | and | help))",
        negatable=False,
        requires=re.compile(
            r"\b(?:sla\w*|sloeg|geslagen|schop\w*|geschopt|trap\w*|stomp\w*|wurg\w*|duw\w*|geduwd|smijt|gesmeten|gegooid|"
            r"knijp\w*|lip|bloed\w*|blood|pijn|arm|neus|hit\w*|kick\w*|punch\w*|beat\w*|chok\w*|strangl\w*|push\w*|"
            r"slap\w*|threw|thrown|hurt\w*|bruis\w*|blauw\w*)\b"
        ),
    ),
    # Back again, now, in a few words: "hij is weer zo", "hij doet het weer", "it's happening again".
    _rule(
        "violence_now",
        r"\b(?:hij|ze|zij|papa|mama|pappa|mamma|vader|moeder|he|she|dad|mum|mom)(?:'s| is)? (?:is )?(?:nu )?weer zo(?= *(?:$|[,.!?]))"
        r"|\b(?:hij|ze|zij|papa|mama) doet het (?:nu )?weer(?= *(?:$|[,.!?]| help))|\bhet gebeurt (?:nu )?weer(?= *(?:$|[,.!?]))"
        r"|\b(?:he'?s|she'?s|they'?re) (?:doing it|at it) again(?= *(?:$|[,.!?]))|\bit'?s happening again\b",
    ),
    # Pushed or thrown down the stairs, off a balcony or out of a window.
    _rule(
        "violence_now",
        r"\b(?:van de trap|van het balkon|uit het raam|down the stairs|off the balcony|out of the window)\b.{0,5}"
        r"\b(?:gegooid|geduwd|getrapt|geschopt|gesmeten)\b"
        r"|\b(?:pushed|threw|thrown|kicked|shoved|gooide|duwde|smeet)\b (?:[\w']+ ){0,3}?(?:down the stairs|off the balcony|"
        r"out of the window|van de trap|van het balkon|uit het raam)\b",
    ),
    # Pinned down or against a wall: "my dad has my mum pinned against the wall".
    _rule(
        "violence_now",
        rf"\b{_OBJ} (?:vast)?(?:pinned|gepind|klem) (?:against|to|down|on|tegen|op)\b"
        rf"|\b(?:pinned|pins|pinning|pinnt) {_OBJ} (?:against|to|down|on|tegen|op)\b"
        r"|\bpinned (?:against|to) the (?:wall|floor|ground|bed|door)\b",
    ),
    # Weapons or injuries that cut: "he cut me with a bottle", "hij sneed me met een mes".
    _rule(
        "violence_now",
        rf"\b{_SUBJ}\b.{{0,10}}\b(?:cut|sneed|snijdt|slashed)\b (?:{_OBJ})\b.{{0,30}}\b(?:blood|bloed|bleeding|bloedt|"
        r"with|met)\b",
    ),
    # Violence against a pregnant woman.
    _rule(
        "injury_now",
        r"\b(?:i'?m|i am|ik ben|she'?s|she is|ze is|zij is|mijn vrouw is|my wife is)\b (?:\w+ )?(?:pregnant|zwanger)\b",
        requires=_VIOLENCE_WORD,
    ),
    # Lying still, not waking up, cannot move a limb after violence.
    _rule(
        "injury_now",
        r"\b(?:ligt|lies|is lying|lying) (?:heel |helemaal |dood)?stil\b|\b(?:not|isn'?t|won'?t) waking up\b"
        r"|\b(?:kan|can'?t|cannot) (?:mijn|m'n|haar|zijn|my|her|his) (?:arm|been|benen|nek|hand|leg|legs|neck) "
        r"(?:niet (?:meer )?(?:bewegen|voelen)|move|feel)\b|\b(?:can'?t|cannot) (?:move|feel) (?:my|her|his) "
        r"(?:arm|leg|legs|neck|hand)\b|\b(?:a lot of|so much|lots of|zoveel|heel veel|enorm veel) (?:blood|bloed)\b",
        negatable=False,
        requires=re.compile(
            r"\b(?:sla\w*|sloeg|geslagen|schop\w*|geschopt|trap\w*|stomp\w*|wurg\w*|duw\w*|geduwd|gooi\w*|gegooid|"
            r"smijt|smeet|gesmeten|steek|stak|gestoken|hit|kick\w*|punch\w*|beat\w*|chok\w*|strangl\w*|push\w*|"
            r"shov\w*|slap\w*|threw|thrown|stab\w*|cut|hurt\w*|hij|he|him|zij|she|pushed|attack\w*|bottle|fles|mes|knife)\b"
        ),
    ),
    # Fire and fuel: petrol, a jerrycan, spirit or lighter fluid in someone's hands, or poured.
    _rule(
        "fire_or_abduction",
        r"\b(?:benzine|petrol|gasoline|jerrycan|jerry can|spiritus|lighter fluid|aanmaakvloeistof|brandstof|"
        r"wasbenzine|lampolie)\b.{0,50}\b(?:aansteker|lighter|lucifers?|matches|aansteken|light|fik|brand|fire|over|"
        r"in de|op de|door de|on the|around|rond|om)\b"
        r"|\b(?:aansteker|lighter|lucifers|matches)\b.{0,40}\b(?:benzine|petrol|gasoline|jerrycan|jerry can|spiritus|"
        r"lighter fluid|aanmaakvloeistof)\b"
        rf"|\b{_SUBJ}\b.{{0,20}}\b(?:gooit|giet|sprenkelt|spuit|heeft|pakt|haalt|loopt|staat|pours|pouring|splashing|"
        r"has|holding|is holding|got|carrying)\b.{0,25}\b(?:benzine|petrol|gasoline|jerrycan|jerry can|spiritus|"
        r"lighter fluid|aanmaakvloeistof)\b",
    ),
    # Taken or dragged into a car or van: "hij trekt me de auto in", "someone dragging a girl into a van".
    _rule(
        "fire_or_abduction",
        r"\b(?:trekt|sleurt|sleept|duwt|trok|sleurde|duwde|getrokken|gesleurd|geduwd|drags?|dragging|dragged|pulls?|"
        r"pulling|pulled|push\w*|forc\w*|shov\w*|bundl\w*|throw\w*)\b(?: [\w']+){0,4}? (?:de|een|zijn|haar|zn|his|her|a|"
        r"the|into the|into a|into his|into her|in de|in een|in zijn) (?:\w+ )?(?:auto|busje|bus|bestelbus|wagen|car|"
        r"van|truck|kofferbak|trunk)\b(?: in\b)?"
        r"|\b(?:probeert|probeerde|proberen|trying|tries|tried)\b.{0,30}\b(?:mee te (?:nemen|sleuren|trekken|slepen)|"
        r"to (?:take|grab|snatch|drag) (?:away )?(?:my|her|his|our|the|a) )",
    ),
    # Children taken in a car, driven off or driven recklessly.
    _rule(
        "fire_or_abduction",
        r"\b(?:kinderen|kids|kind|kindje|child|children|baby|dochter|zoon|dochtertje|zoontje|daughter|son)\b.{0,25}"
        r"\b(?:in de auto|in the car|in zijn auto|in his car|in her car|in haar auto)\b.{0,40}\b(?:rijdt weg|reed weg|"
        r"rijdt (?:te )?hard|rijdt als een gek|drove off|driving off|drives off|took off|sped off|weggereden|ervandoor|"
        r"als een gek|like a maniac|like a madman|dronken|drunk)\b",
        negatable=False,
    ),
    # A child held over a balcony, out of a window or over a bridge.
    _rule(
        "kill_threat",
        r"\b(?:hold\w*|houdt|hield|hangs?|hanging|dangl\w*|tilt)\b (?:[\w']+ ){0,3}?(?:over|uit|out of|boven|off) "
        r"(?:the|het|de|a|een) (?:balcony|balkon|railing|reling|window|raam|brug|bridge|edge|rand)\b",
    ),
    # Killing oneself and others: "zegt dat hij met de kinderen van de brug springt", "he says
    # he'll end it for both of us", "het is vanavond afgelopen voor ons allebei".
    _rule(
        "kill_threat",
        r"\b(?:springt|springen|spring|jump\w*|rijdt|rijden|drive\w*|crash\w*)\b.{0,30}\b(?:van (?:de|het) (?:brug|dak|flat|"
        r"balkon)|off (?:the|a) (?:bridge|roof|balcony)|voor de trein|in front of (?:a|the) train|het water in|"
        r"into the (?:water|river|canal|sea)|tegen een (?:boom|muur)|into a (?:tree|wall))\b"
        r"|\b(?:van (?:de|het) (?:brug|dak|flat|balkon)|voor de trein|het water in|tegen een (?:boom|muur))\b.{0,10}"
        r"\b(?:springt|springen|spring|rijdt|rijden|springen|gooit|duwt)\b"
        r"|\b(?:afgelopen|een eind(?:e)? aan|ends? it|ending it|over|gedaan|klaar)\b.{0,20}\b(?:voor|for|with|met) "
        r"(?:ons allebei|ons beiden|ons allemaal|both of us|us both|all of us|the both of us|us all)\b",
        requires=re.compile(r"\b(?:zegt|zei|says|said|dreigt|dreigde|threat\w*|schreeuwt|roept|swears|zweert)\b"),
    ),
    # Harm to oneself and others: "hij zegt dat hij zichzelf en de kinderen iets aandoet".
    _rule(
        "kill_threat",
        r"\b(?:zichzelf|himself|herself)\b.{0,30}\biets aan ?(?:te )?(?:doen|doet|deed)\b",
    ),
    # Not alive in the morning: "ik haal de ochtend niet", "he says i won't see the morning".
    _rule(
        "kill_threat",
        r"\b(?:de ochtend|morgen|morgenochtend|de nacht|het weekend|de volgende dag) niet (?:meer )?(?:haal|haalt|halen|"
        r"meemaak|meemaakt|mee maakt|overleef|overleeft|zie|ziet)\b|\bwon'?t (?:see|make it (?:to|through)|survive) "
        r"(?:the morning|tomorrow|the night|the weekend)\b",
        negatable=False,
    ),
    # Shooting now: "hij schiet", "someone is shooting".
    _rule(
        "gunshots",
        r"\b(?:hij|ze|zij|iemand|hij staat te|er wordt|mijn \w+|de buurman)\b (?:\w+ )?(?:schiet|schieten|geschoten)\b"
        r"(?= *(?:$|[,.!?]| nu| op (?:me|mij|ons|haar|hem|mensen|iedereen|de deur|het huis|ons huis)| om zich heen| in het rond| door))"
        r"|\b(?:he'?s|she'?s|someone'?s|someone is|they'?re|he is|she is|they are) (?:\w+ )?shooting\b"
        r"(?= *(?:$|[,.!?]| at | now| right now| people| everyone| in the| through))|\bopened fire\b",
        negatable=False,
    ),
    # It is bad, right now: "het is heel erg nu", "it's really bad right now".
    _rule(
        "explicit_danger",
        r"\b(?:het|it)(?:'s| is| gaat) (?:nu |now )?(?:heel |echt |zo |really |so |very |super )*(?:erg|slecht|eng|"
        rf"gevaarlijk|mis|bad|scary|dangerous|out of hand|uit de hand)(?= *(?:{_NOW}|op dit moment)? *(?:$|[,.!?]))",
        needs_now=True,
    ),
    # Help cannot be spoken: whispering or unable to talk because he is near, or only able to type help.
    _rule(
        "coming_now",
        r"\b(?:fluister\w*|whisper\w*|zachtjes praten|moet stil zijn|have to be quiet|must be quiet|mag (?:me|mij) niet "
        r"horen|kan niet hard praten)\b.{0,40}\b(?:hij|ze|zij|he|she|they)\b"
        r"|\b(?:help|hulp|sos|112|politie|police)\b.{0,20}\b(?:kan niet praten|can'?t talk|cannot talk|can'?t speak|"
        r"kan niet bellen|can'?t call)\b|\b(?:kan niet praten|can'?t talk|cannot talk|can'?t speak)\b.{0,20}"
        r"\b(?:help|hulp|sos|112|politie|police)\b|\b(?:niet bellen|don'?t call)\b.{0,20}\b(?:hoort|hears|hear)\b",
        negatable=False,
    ),
    # Phone taken or smashed so the writer cannot call: "hij pakt mn telefoon af, help".
    _rule(
        "coming_now",
        r"\b(?:pakt|pakte|neemt|nam|took|takes|grabbed|grabs|smashed|smashes|broke|breaks)\b (?:[\w']+ ){0,2}?"
        r"(?:telefoon|mobiel|phone)\b(?: af| weg)?.{0,50}\b(?:help|hulp|laptop|tablet|computer|ipad|kan niet bellen|"
        r"can'?t call|112|politie|police)\b",
        negatable=False,
    ),
    # Someone calling with help: "kan er iemand komen", "kunnen jullie iemand sturen".
    _rule(
        "call_for_help",
        r"\b(?:kan|kunnen|kun|kunt) (?:er |jullie |je |u )?(?:nu |snel |alsjeblieft |aub )?(?:iemand|de politie|politie|"
        r"hulp|een ambulance|ambulance)\b (?:\w+ )?(?:komen|sturen|langskomen|langs sturen|bellen)\b"
        r"(?! (?:om|voor|kijken|praten|over|op|morgen|volgende|later))"
        r"|\b(?:kunnen|kan|kun|kunt) (?:jullie|je|u) (?:nu |snel |alsjeblieft |aub )?(?:iemand|de politie|politie|hulp|"
        r"een ambulance) sturen\b(?! (?:om|voor|kijken|praten|over|morgen|volgende|later))"
        r"|\b(?:can|could) (?:you|someone|somebody|anyone) (?:please )?(?:send (?:someone|somebody|help|the police|police)|"
        r"come (?:now|quick|quickly|here|please))\b",
    ),
    # A message from him that he is here or where the writer is: "ik ben er", "i'm outside".
    _rule(
        "coming_now",
        r"\b(?:stuurt|stuurde|appt|appte|sms\w*|texted|texts|sent|sends|messaged|zegt|says|schrijft|writes)\b.{0,50}"
        r"(?:'|\"|\b(?:met|with|dat|that)\b)\W*(?:ik ben er|ik ben hier|ik sta (?:hier|buiten|beneden|voor (?:je|de) deur)|"
        r"i'?m here|i'?m outside|i'?m downstairs|i'?m at your door|ik zie je|i (?:can )?see you|ik weet waar je (?:bent|zit)|"
        r"i know where you are)\b",
    ),
    # At the door, at the car, waiting: "staat nu naast mn auto", "he's waiting next to my car",
    # "blijft maar aanbellen en bonken", "belt steeds aan", "probeert het via de achterdeur".
    _rule(
        "at_the_door",
        r"\b(?:staat|stond|wacht|wachtte|zit|is waiting|'s waiting|waiting|standing|stands)\b.{0,30}\b(?:naast|bij|next to|"
        r"by|at) (?:mijn|m'n|onze|my|our) (?:auto|fiets|scooter|car|bike)\b"
        r"|\b(?:staat|stond|zit|zat) (?:me|mij|ons) (?:\w+ )?op te wachten\b"
        r"|\b(?:blijft|blijven|staat|staan)\b (?:maar )?(?:\w+ (?:en )?)?(?:bonken|bonzen|beuken|rammen|aanbellen|"
        r"kloppen|trappen|schoppen|rammelen)\b"
        rf"|\b{_WHO}\b.{{0,30}}\b(?:belt|bellen) (?:steeds|maar|de hele tijd|continu|telkens|aan één stuk) aan\b"
        r"|\b(?:keeps|won'?t stop|kept) (?:ringing|knocking|banging|pounding|hammering|buzzing)\b(?!.{0,25}\b(?:to|for)\b)"
        r"|\b(?:probeert|proberen|trying|tries|tried)\b (?:het |it )?(?:via |at |bij |aan |through )?(?:de |the |my |our |mijn )"
        r"?(?:\w*deur|raam|ramen|klink|slot|back door|front door|door|window|windows|handle|lock)\b",
    ),
    # In the house, now: "hij is binnen", "he's inside", "he broke the window and he's inside".
    _rule(
        "coming_now",
        r"\b(?:hij|ze|zij|he|she|they)(?:'s| is|'re| are) (?:nu |now |al |already |weer |back )?(?:binnen|inside|in (?:het|the) "
        r"(?:huis|house))(?= *(?:$|[,.!?]|nu|now| en | and | help))",
    ),
    # Circling or driving past the house: "he keeps circling my house in his car".
    _rule(
        "followed_now",
        r"\bcircl\w* (?:around )?(?:my|our|the) (?:house|flat|block|street|building|home)\b"
        r"|\b(?:rijdt|loopt|fietst)\b.{0,25}\b(?:rondjes (?:om|rond|rondom)|steeds langs|de hele tijd langs|telkens langs)"
        r" (?:mijn|ons|het|onze) (?:huis|flat|blok|straat|woning)\b"
        r"|\b(?:drives|driving|walks|walking|keeps driving|keeps walking) (?:past|by|around) (?:my|our) (?:house|flat|home)\b",
    ),
    # Hiding in all its forms: "ik zit me te verstoppen", "we hebben ons verstopt".
    _rule(
        "hiding",
        r"\b(?:me|mij|ons|mezelf|onszelf)\b (?:\w+ ){0,2}?(?:te )?(?:verstoppen|verstopt|verschuilen|verscholen)\b"
        r"|\b(?:zit|zitten|lig|liggen|sta|staan)\b (?:\w+ ){0,2}?te (?:verstoppen|schuilen|verschuilen)\b",
    ),
    # Hearing him coming, or things being smashed: "ik hoor hem de trap op komen".
    _rule(
        "witness_now",
        r"\b(?:hoor|hear|can hear)\b (?:hem|haar|ze|him|her|them)\b.{0,25}\b(?:de trap op|op de trap|aankomen|binnenkomen|"
        r"beneden|thuiskomen|de deur|op de gang|in de gang|coming|on the stairs|downstairs|outside|in the hall|"
        r"at the door|smashing|breaking|throwing|slamming|kapot)\b",
        requires=re.compile(r"\b(?:bang|doodsbang|scared|terrified|afraid|help|hulp|please|aub|shit|kut|omg|smashing|"
                            r"breaking|throwing|slamming|kapot|schreeuw\w*|woedend|dronken|drunk|furious)\b"),
    ),
    # Weak presence cues that need a second cue are in _WEAK_CUES; these are direct.
    _rule(
        "coming_now",
        r"\b(?:he'?s|she'?s|he is|she is|hij komt|ze komt|zij komt) (?:now )?(?:coming up|coming upstairs|nu naar boven)\b",
    ),
)

# Narrower phrasings, each written for a kind of message the families above do not cover.
_SPECIFIC: tuple[_Rule, ...] = (
    # Someone at, behind or through the door.
    _rule(
        "at_the_door",
        rf"\b{_WHO}\b.{{0,40}}\b(?:staat|stond nu|is|zit|bonkt|bonst|ramt|beukt|trapt|schopt|"
        rf"klopt|belt aan|hangt)\b.{{0,25}}\b(?:voor|aan|bij|op|tegen|door|achter)\s+"
        rf"(?:de|het|mijn|onze|m'n|mn|haar)\s+{_DOOR}",
    ),
    _rule("at_the_door", rf"\b{_WHO}\b.{{0,30}}\bvo?or de {_DOOR}\b"),
    _rule(
        "at_the_door",
        rf"\b(?:{_WHO}|someone|somebody)\b.{{0,40}}\b(?:at|outside|banging on|pounding on|"
        rf"kicking|breaking|trying to break|smashing|is at|at my)\b.{{0,15}}\b(?:the |my |our )?{_DOOR}",
    ),
    _rule(
        "breaking_in",
        r"\b(?:inbreken|breekt in|breekt binnen|trapt de deur in|deur in(?:ge)?trapt|"
        r"probeert binnen te komen|wil binnen komen|wil binnenkomen|komt binnen|staat binnen|"
        r"breaking in|broke in|break in|trying to get in|getting in|kicking the door in|"
        r"forcing the door|komt eraan|komt er aan|is on his way(?! to (?!(?:me|my|us|our|here|the house|you)\b))|is coming for me|"
        r"on his way here|coming to get me|komt me halen|komt naar me toe|komt hierheen)\b",
    ),
    # A weapon in someone's hands, now.
    _rule(
        "weapon",
        rf"\b{_WHO}\b.{{0,40}}\b(?:heeft|had|pakt|pakte|houdt|hield|zwaait|richt|dreigt|"
        rf"bedreigt|staat|komt|loopt|zit|heefd|heef|hef|zwaaide|rent|wacht|stond nu)\b.{{0,35}}\b{_WEAPON}\b",
    ),
    _rule(
        "weapon",
        rf"\b(?:prikt|steekt|smijt|gooit|slaat|zwaait|dreigt|hakt|schiet)\b.{{0,10}}\bmet\b.{{0,15}}\b{_WEAPON}\b",
    ),
    _rule(
        "weapon",
        rf"\b{_WHO}\b.{{0,40}}\b(?:has|had|got|is holding|holding|grabbed|grabbing|pulled|"
        rf"pulling|waving|pointing|points|threatening|threatens|threatened|with)\b.{{0,25}}\b"
        rf"{_WEAPON}\b",
    ),
    _rule("weapon", rf"\b{_WEAPON}\b.{{0,25}}\b(?:op (?:mijn|m'n|mn|haar|zijn) (?:keel|hals|hoofd|buik)|to my (?:throat|head|neck))"),
    # Threats to kill.
    _rule(
        "kill_threat",
        rf"\b(?:gaat|wil|zal|gaan|komt|dreigt|dreigde|zegt|zei|roept|schreeuwt)\b.{{0,30}}\b"
        rf"(?:me|mij|ons|haar|hem|de kinderen|mn kind|mijn kind|het kind)\b.{{0,15}}\b(?:te )?{_KILL_NL}\b",
    ),
    _rule("kill_threat", r"\b(?:maakt|vermoordt|steekt|schiet)\b.{0,6}\b(?:me|mij|ons|haar)\b.{0,10}\b(?:dood|neer|af)\b"),
    _rule("kill_threat", r"\bvermoordt (?:me|mij|ons|haar)\b"),
    _rule("kill_threat", r"\b(?:ik ga eraan|ik ga er aan|ik ga dood|we gaan dood|hij maakt me af)\b"),
    _rule(
        "kill_threat",
        rf"\b(?:going to|gonna|will|wants to|want to|threatening to|threatened to|threatens to|"
        rf"about to|trying to|tried to|said he'?d|says he'?ll|says he will|swears he'?ll)\b.{{0,10}}\b"
        rf"{_KILL_EN}\b.{{0,10}}\b(?:me|us|her|him|them|my|the kids|the children)\b",
    ),
    _rule("kill_threat", r"\b(?:i'?m going to die|im gonna die|i'?m gonna die|i will die|he'?ll kill)\b"),
    # Locked in, trapped, cannot get away.
    _rule(
        "locked_in",
        r"\b(?:zit|zitten|ben|is|zijn|word|wordt|worden|zat|heeft|hebben|heb)\b.{0,25}\b(?:opgesloten|opgeslote|ingesloten)\b",
    ),
    _rule("locked_in", r"\b(?:sluit|sloot) (?:me|mij|ons|haar|de kinderen) op\b"),
    _rule(
        "locked_in",
        r"\b(?:locked (?:me |us |her )?(?:in|up|inside)|(?:i'?m|im|i am|we are|we're) (?:locked|trapped)|"
        r"won'?t let me (?:out|leave|go)|can'?t get out|cannot get out|trapped)\b",
        negatable=False,
    ),
    _rule(
        "locked_in",
        r"\b(?:kan|kunnen|kom|komen) (?:er |hier |het huis )?niet (?:meer )?(?:weg|uit|naar buiten|vluchten)\b"
        r"|\blaat (?:me|mij|ons) niet (?:gaan|weg|uit|naar buiten)\b|\bhoudt (?:me|mij|ons) vast\b",
        negatable=False,
    ),
    # Afraid to go home, hiding.
    _rule(
        "afraid_to_go_home",
        # "ik durf (de school) niet uit", "durf me niet te bewegen", "too scared to move".
        r"\bdurf\b(?: [\w']+){0,4}? niet (?:meer )?(?:naar huis|thuis te komen|terug|naar binnen|naar buiten|"
        r"naar beneden|weg|uit|de deur uit|(?:me )?te bewegen|op te staan|open te doen|te gaan|te slapen)\b"
        r"|\b(?:scared|afraid|too scared|too afraid|terrified) to (?:go|come|move|leave|open the door|make a sound)"
        r"(?: (?:back )?(?:home|inside|back|outside|out|downstairs))?\b"
        r"|\bcan'?t go (?:back )?home\b|\bkan niet (?:meer )?naar huis\b",
        negatable=False,
    ),
    _rule(
        "hiding",
        r"\b(?:zit|ben|zitten|zijn|heb)\b.{0,15}\b(?:verstopt|verstop|verschuil|verscholen)\b"
        r"|\bverstop (?:me|mij|ons)\b|\b(?:hiding|hidden) (?:from|in|under|behind|in the)\b|\bi'?m hiding\b",
    ),
    # Violence happening now: a present-tense act plus a "now" or "help" cue, or an
    # English progressive ("he is hitting her"), which is about now by its grammar.
    _rule(
        "violence_now",
        rf"\b{_WHO}\b.{{0,25}}\b{_HIT_NL}\b.{{0,30}}\b(?:{_NOW}|help|hulp|snel|kom snel)\b",
    ),
    _rule(
        "violence_now",
        rf"\b(?:{_NOW}|help|hulp)\b.{{0,30}}\b{_WHO}\b.{{0,20}}\b{_HIT_NL}\b",
    ),
    _rule("violence_now", r"\b(?:is|zijn|ben)\b.{0,25}\baan het (?:slaan|schoppen|wurgen|mishandelen|vechten|steken|meppen)\b"),
    _rule(
        "violence_now",
        rf"\b(?:is|are|'s|'re|he'?s|she'?s|they'?re|hes|shes|theyre)\b.{{0,10}}\b{_HIT_EN}\b",
    ),
    _rule(
        "violence_now",
        r"\b(?:hits|beats|kicks|punches|chokes|strangles|attacks) (?:me|her|him|us|my|the)\b.{0,20}\b(?:right now|now|help)\b",
    ),
    _rule(
        "strangled",
        r"\b(?:kan|krijg) (?:geen|bijna geen|niet) (?:adem|lucht|ademen)\b|\bcan'?t breathe\b|\bknijpt (?:mijn|m'n|mn|haar) keel\b",
        negatable=False,
    ),
    # Hearing or seeing violence now (bystander). Habitual ("vaak", "soms") is excluded
    # below: that is a worry for Veilig Thuis, not for 112.
    _rule(
        "hearing_violence",
        r"\b(?:ik hoor|hoor|ik zie|zie|hear|i hear|i can hear|can hear|i see|can see|i can see|watching)\b.{0,50}\b(?:gillen|gil|gegil|"
        r"schreeuwen|geschreeuw|om hulp roepen|help roepen|slaan|klappen|vechten|huilen en schreeuwen|"
        r"slaat|schopt|trapt|mishandelt|screaming|screams|yelling for help|crying for help|hitting|beating|fighting|being hit|being beaten|thuds)\b",
    ),
    # Explicit danger and calls for urgent help.
    _rule(
        "explicit_danger",
        r"\b(?:ik ben|we zijn|zij is|ze is|hij is|ben|i am|i'm|im|we are|we're|she is|she's)\b.{0,15}\b"
        r"(?:in (?:direct |acuut |levens)?gevaar|in (?:immediate |real )?danger|levensgevaar)\b",
    ),
    _rule(
        "explicit_danger",
        rf"\b(?:ik ben|ben|i am|i'm|im|voel me|i feel)\b.{{0,6}}\b(?:{_NOW} )?(?:niet|not|nie) (?:meer )?"
        rf"(?:veilig|safe)\b.{{0,10}}\b{_NOW}\b"
        rf"|\b(?:ik ben|i am|i'm|im)\b {_NOW} (?:niet|not) (?:veilig|safe)\b",
        negatable=False,
    ),
    _rule(
        "call_for_help",
        r"\b(?:bel (?:de )?politie|bel 112|stuur (?:de )?politie|stuur hulp|kom (?:snel|nu)(?! (?:eens|een keer|langs|maar|op bezoek|weer|terug|even|gezellig|kijken|eten))|help (?:me|mij) (?:nu|snel|alsjeblieft|pls|aub)|"
        r"help help|helpp+|call the police|call 911|call 112|send (?:help|the police|someone)|please help me now|help me now|come quick)\b",
    ),
    # Injuries and other emergencies needing 112.
    _rule(
        "injury_now",
        r"\b(?:ik bloed|bloed(?:t|en) (?:heel )?erg|(?:is|ligt) bewusteloos|ademt niet|i'?m bleeding|bleeding badly|"
        r"(?:is|lies) unconscious|not breathing|heeft me gestoken|stabbed me|heeft me neergestoken)\b",
    ),
    _rule(
        "fire_or_abduction",
        r"\b(?:steekt|stak) (?:het huis|de boel|ons huis|alles) in brand\b|\bset (?:the|our) (?:house|flat|place) on fire\b"
        r"|\b(?:ontvoert|ontvoerd|neemt .{0,15} mee naar het buitenland|is taking .{0,15} abroad|kidnapp)",
    ),
    # Followed or chased now.
    _rule(
        "followed_now",
        r"\b(?:achtervolgt|volgt|zit .{0,10} achter)\b.{0,10}\b(?:me|mij|ons)\b.{0,20}\b(?:nu|op dit moment|al .{0,10}minuten)\b"
        r"|\b(?:is|he'?s|she'?s|someone'?s|someone is) (?:following|chasing|stalking) me\b.{0,20}\b(?:right now|now)?",
    ),
    _rule(
        "followed_now",
        r"\b(?:loopt|rijdt|zit|komt|rent|fietst)\b.{0,20}\bachter (?:me|mij|ons) aan\b"
        r"|\b(?:rijdt|loopt|zit) (?:me|mij|ons) achterna\b",
    ),
    _rule(
        "breaking_in",
        r"\b(?:\w*deur in (?:te )?(?:trappen|rammen|beuken|schoppen)|\w*deur intrappen|(?:probeert|wil|komt)\b.{0,25}\bbinnen te komen|"
        r"kicked the door in|broke the door|(?:he'?s|hes|she'?s|is) inside (?:now|the house)|"
        r"(?:he'?s|hes|she'?s|shes|is) on (?:his|her|their) way(?! to (?!(?:me|my|us|our|here|the house|you)\b)))\b",
    ),
    _rule(
        "fire_or_abduction",
        r"\b(?:in brand (?:te )?steken|in de fik (?:te )?steken|benzine over|gas open(?:gedraaid)?|"
        r"(?:heeft|neemt|nam|pakt)\b.{0,25}\b(?:mijn|ons|onze|m'n|mn|de) (?:kind|kinderen|dochter|zoon|baby|"
        r"dochtertje|zoontje)\b.{0,25}\bmee(?:genomen)?|"
        r"(?:grabbed|took|snatched|has taken) (?:our|my|the) (?:daughter|son|kid|kids|child|children|baby)|"
        r"on fire|pour(?:ed|ing)? (?:petrol|gasoline))\b",
    ),
    _rule(
        "kill_threat",
        rf"\b(?:me|mij|ons|haar|hem)\b.{{0,20}}\b(?:gaat|wil|zal|gaan|komt)\b.{{0,6}}\b(?:te )?{_KILL_NL}\b"
        r"|\b(?:me|mij|ons|haar) (?:vermoordt|doodmaakt|dood maakt|afmaakt)\b"
        r"|\b(?:niet overleef|niet overleeft|niet zal overleven|niet overleven)\b",
        negatable=False,
    ),
    _rule(
        "strangled",
        r"\b(?:krijg|kan|krijgt)\b.{0,15}\b(?:moeilijk|slecht|nauwelijks) (?:lucht|adem|ademen)\b"
        r"|\bvast bij (?:zijn|haar|mijn|m'n|de) (?:nek|keel)\b|\bbij de keel\b|\bby the (?:throat|neck)\b",
        negatable=False,
    ),
    _rule(
        "violence_now",
        r"\b(?:blijft|blijven|keeps|won'?t stop)\b.{0,10}\b(?:slaan|schoppen|trappen|stompen|hitting|kicking|"
        r"punching|beating)\b|\b(?:sleurt|sleept) (?:me|mij|haar|hem|ons)\b|\btrekt aan (?:mijn|m'n|haar) haren\b",
    ),
    _rule(
        "violence_now",
        r"\b(?:wordt|word|worden|being|getting)\b.{0,25}\b(?:geslagen|geschopt|mishandeld|gewurgd|gestoken|gedrukt|geduwd|getrapt|"
        r"beaten|hit|kicked|strangled|stabbed|attacked)\b",
        needs_now=True,
    ),
    _rule(
        "call_for_help",
        r"\bhelp\b.{0,6}\b(?:snel|nu|please|pls|plz|alsjeblieft|alstublieft|aub|hurry|quick)\b|\bplease hurry\b|\bhurry\b"
        r"|\b(?:help|hulp)\s*!|\b(?:snel )?bel (?:iemand|de politie)\b|\bcall someone\b|\bhe found me\b|\bheeft me gevonden\b",
    ),
    # Added after tuning on danger_test.yml.
    _rule(
        "breaking_in",
        r"\b(?:gemorreld|morrelt aan|opengebroken|open te breken|open te krijgen|binnengekomen|binnengedrongen|"
        r"door de ruit|klimt over|klimt door|climbing (?:through|in|over)|breaking (?:the|my|our)|"
        r"(?:smash\w*|broke|breaks|kicked in|kicks in|kicking in) (?:in )?(?:the|a|my|our) (?:\w+ )?(?:door|window|glass|lock|"
        r"windscreen|windshield)s?|"
        r"trying to (?:open|break|get through|get in)|forcing (?:the|my) (?:door|window|lock))\b",
    ),
    _rule(
        "at_the_door",
        rf"\b(?:hammering|pounding|banging|ramming|beukt|bonkt|bonst|slaat|trapt|schopt|ramt)\b.{{0,12}}\b(?:on|op|tegen|"
        rf"the|de|het|mijn|my)\b.{{0,12}}\b(?:{_DOOR}|ruit|garage door|it|ertegen)\b",
    ),
    _rule(
        "locked_in",
        r"\b(?:kamer niet uit|huis niet uit|niet naar buiten|gebarricadeerd|barricad\w*|blokkeert|blocking|vastgebonden|"
        r"tied (?:me|my|up)|vastgepind|pinned (?:me|down)|kofferbak|trunk of|held against my will|laat niet los|"
        r"bewaakt de deur|mag (?:de|het) \w+ niet uit|can'?t leave|kan nergens heen|standing in the doorway|"
        r"heeft alle sleutels|took the (?:car )?keys|won'?t let (?:me|us) (?:out|leave|go))\b",
        negatable=False,
    ),
    _rule(
        "kill_threat",
        r"\b(?:kapot (?:gaat |zal |wil )?maken|ben ik dood|ben je (?:er )?geweest|afgelopen (?:is )?met (?:mij|me)|"
        r"je bent dood|dan ben je dood|(?:ik ben|jij bent) de volgende|the day i die|"
        r"i'?m dead|he(?:'?ll|'?d| will| would) (?:kill|hurt|murder|drag) (?:me|us|her)|(?:me|mij) pakt als|kill me once|"
    r"ik de volgende ben|(?:dood|doodmake|af) (?:te |gaat )?maken|"
        r"ga er (?:vandaag |vanavond |nu )?aan|me (?:dan |iets )?(?:iets )?aandoet|gaat me iets aandoen|doet me iets aan)\b",
    ),
    _rule(
        "strangled",
        r"\b(?:handen om (?:mijn|m'n|haar|mn) (?:nek|keel)|kussen op (?:mijn|m'n|haar) gezicht|geen adem meer|"
        r"chokehold|passed out|hoofd onder water|head under (?:the )?water|hands (?:around|round) my (?:neck|throat))\b",
        negatable=False,
    ),
    _rule(
        "violence_now",
        rf"\b{_WHO}\b.{{0,20}}\b(?:stompt|ramt|schopt|slaat|duwt|trapt|gooit|drukt|wurgt|steekt|mept|knijpt|geeft)\b.{{0,25}}"
        rf"\b(?:me|mij|mijn|m'n|mn|haar{_AFTER_OBJ}|hem|mama|papa|ons|een vrouw|zijn vrouw|de kinderen|klappen|tegen mijn)\b",
    ),
    _rule(
        "violence_now",
        r"\b(?:sloeg|drukte|duwde|schopte|gooide|stak|wurgde|threw|pushed|twisted|slashed|hit|kicked|punched|shoved|"
        r"choked|stabbed|broke)\b.{0,40}\b(?:net|zojuist|just|still here|nog steeds|is er nog|nog in huis|next room|"
        r"andere kamer|can'?t stand|kan niet (?:meer )?opstaan|blood|bloed)\b"
        r"|\b(?:net|zojuist|just)\b.{0,25}\b(?:sloeg|drukte|duwde|schopte|gooide|stak|wurgde|threw|pushed|twisted|"
        r"slashed|hit|kicked|punched|shoved|choked|stabbed)\b",
    ),
    _rule(
        "violence_now",
        r"\b(?:swinging|throwing|hurling)\b.{0,20}\b(?:at me|at us|at her)\b|\bthreatening to (?:throw|hurt|hit|drop)\b"
        r"|\bdreigt (?:me|mij|ons|haar|het kind|de baby) .{0,25}(?:te gooien|te slaan|te steken|te duwen)\b",
    ),
    _rule(
        "injury_now",
        r"\b(?:bloedend|bloedt|bloed stopt niet|blood everywhere|gestoken|ben gestoken|snee in|slashed|bewusteloos|"
        r"unconscious|kokend water|boiling water|can'?t stand up|kan niet (?:meer )?opstaan|"
        r"ligt (?:bloedend )?op de grond)\b",
    ),
    _rule(
        "hiding",
        r"\b(?:onder het bed|zit in de kast|crouched|ducking|zoekt me|zoekt naar me|looking for me|calling my name|"
        r"hiding (?:from|under|behind|in the)|ben op de vlucht|op de vlucht voor)\b"
        r"|\b(?:i'?m|im|i am|we'?re|we are) hiding\b(?! (?:\w+ )?(?:eggs|presents|gifts))",
    ),
    _rule(
        "followed_now",
        r"\b(?:volgt me|achtervolgt|chasing|following me|follows me|rijdt rondjes|loopt op me af|komt op me af|"
        r"is ook uitgestapt|has been following|been following)\b",
    ),
    _rule(
        "fire_or_abduction",
        r"\b(?:in de auto gezet|uit de wieg|ermee weggerend|weggerend met|busje in te duwen|auto in te trekken|"
        r"lighter fluid|in de fik|threatening to throw the baby)\b",
    ),
    _rule(
        "kill_threat",
        r"\b(?:niet levend|won'?t make it|won'?t survive|wont make it)\b",
        negatable=False,
    ),
    _rule("injury_now", r"\b(?:can'?t stand up|cannot stand up|kan niet (?:meer )?opstaan)\b", negatable=False),
    _rule(
        "violence_now",
        r"\b(?:slaat|schopt|trapt|stompt|wurgt|mishandelt)\b.{0,20}\b(?:mijn|m'n|mn|de|een|zijn|haar)\s+"
        r"(?:moeder|vader|mama|papa|vrouw|man|zus|broer|kind|dochter|zoon|nichtje|neefje|broertje|zusje|oma|opa)\b",
    ),
    _rule(
        "witness_now",
        r"\b(?:zie het gebeuren|gebeurt nu|see it happening|happening right now|it'?s happening now)\b"
        r"|\bhoor (?:hem|haar) (?:op de trap|aankomen|binnenkomen|beneden)\b|\bi (?:can )?hear him (?:on the stairs|coming)\b",
    ),
    # Gunshots nearby are danger whatever else the message says.
    _rule(
        "gunshots",
        r"\b(?:schoten|geweerschoten?|gunshots?|shots fired|heard (?:a )?shots?|een schot|hoorde (?:een )?schot|"
        r"hoor (?:een )?schot|schiet(?:en)? (?:om zich heen|in het rond))\b",
        negatable=False,
    ),
)

_RULES: tuple[_Rule, ...] = _FAMILIES + _SPECIFIC


def _shorthand(text: str) -> str:
    """Spell chat shorthand one way, so each pattern needs only one spelling."""
    text = _REPEATS.sub(r"\1", text)
    for pattern, replacement in _SHORTHAND:
        text = pattern.sub(replacement, text)
    return text


# "heeeelp", "snelll": three or more of the same letter become one.
_REPEATS = re.compile(r"([a-z])\1{2,}")
_SHORTHAND: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"\b(?:mn|m'n)\b", "mijn"),
        (r"\b(?:zn|z'n)\b", "zijn"),
        (r"\bhy\b", "hij"),
        (r"\bd'r\b", "haar"),
        (r"\bnie\b", "niet"),
        (r"\b(he|she|there|that|who)s\b", r"\1's"),
        (r"\bim\b", "i'm"),
        (r"\b(they|we|you)re\b", r"\1're"),
        (r"\b(ca|do|does|did|is|are|was|were|wo|has|have|had|could|would|should)nt\b", r"\1n't"),
        (r"\bgonna\b", "going to"),
        (r"\bwanna\b", "want to"),
        (r"\b(?:plz|pls|plss|plse)\b", "please"),
    )
)

# A message made only of cries for help ("help", "HELP!!", "help help", "sos", "pls help me")
# is danger: someone who cannot type more may type only that. Any other word makes it an
# ordinary message ("help met mijn huiswerk", "help, ik snap dat formulier niet").
_CRY_WORDS = frozenset(
    "help hulp sos 112 me mij ons please alsjeblieft alstublieft aub snel nu now asap quick hurry "
    "kom iemand someone somebody".split()
)
_CRY_CORE = frozenset("help hulp sos 112".split())


def _bare_cry(text: str) -> bool:
    words = re.findall(r"[a-z0-9]+", text)
    return bool(words) and set(words) <= _CRY_WORDS and bool(set(words) & _CRY_CORE)


# Weak cues: none is enough on its own, but someone present or raging plus a second cue is.
_WEAK_CUES: dict[str, re.Pattern[str]] = {
    "presence": re.compile(
        r"\b(?:is binnen|in huis|in the house|is hier|staat hier|is er nog|is er weer|nog steeds hier|still here|"
        r"in de tuin|op de trap|door het huis|on the stairs|komt naar boven|komt naar binnen|onderweg|be here in|just arrived|"
        r"net aangekomen|in the next room|andere kamer|out there|outside|voor mijn huis|voor de deur|bij mijn werk|"
        r"across the street|in the doorway|in het portiek|in de gang|staat te wachten|is waiting|"
        # On the way, back soon, or here: "hij komt zo thuis", "he'll be back any second".
        r"komt (?:zo|nu|straks|zometeen|dadelijk)? ?(?:thuis|terug|hier|binnen|eraan|er aan|hierheen)|"
        r"(?:hij|ze|zij) is (?:er|hier|thuis|terug|binnen|vlakbij|dichtbij|in de buurt)|vlakbij|close by|nearby|close behind|"
        # Ending the message with "hij komt": on his way, or coming in.
        r"(?:hij|ze|zij|he|she) (?:komt|is coming)(?= *(?:$|[,.!?]))|"
        r"(?:is|komt|zit|staat|gaat) (?:nu |weer |nu weer )*(?:in|naar|op) (?:mijn|m'n|my) (?:kamer|slaapkamer|bed|room|bedroom)|"
        r"(?:is|'s) in my (?:room|bedroom|bed)|coming up(?:stairs)?|onder (?:mijn|m'n|ons) raam|under my window|(?:he|she|they)(?:'s| is|'re| are) (?:here|back|home|"
        r"inside|outside|downstairs|upstairs|coming)|(?:be|coming) (?:back|home|here) (?:any|in|soon)|"
        r"on (?:his|her|their) way(?! to (?!(?:me|my|us|our|here|the house|you)\b))|trappenhuis|kamer naast|next room|beneden|downstairs|in the hallway|"
        r"(?:staat|zit|loopt) (?:buiten|beneden|in de gang|in de tuin|op straat|bij (?:mijn|de|het) \w+)|"
        # Someone standing, waiting or driving near the writer's home or work.
        r"(?:staat|staan|zit|zitten|loopt|wacht|rijdt|hangt)\b.{0,20}\b(?:aan de overkant|overkant|op straat|buiten|beneden|"
        r"voor (?:mijn|ons|het) (?:huis|raam|flat|deur|werk|school)|naar (?:mijn|ons|het) raam|bij (?:mijn|ons|het) "
        r"(?:huis|werk|school|flat))|(?:across the street|outside (?:my|our|the) \w+|parked (?:outside|across)))\b"
    ),
    "rage": re.compile(
        r"\b(?:woedend|woest|door het lint|doorgedraaid|gek geworden|furious|rage|insane|screaming|schreeuwt|schreeuwen|"
        r"dronken|gedronken|drunk|agressief|aggressive|out of control|flipt|flipping out|loses it|losing it|boos|kwaad|"
        r"angry|mad|raging|shouting|yelling|is gek|gek aan het worden|los aan het gaan|going crazy|gone crazy|gone mad|"
        r"going mad|losing his mind|ontploft|explod\w*)\b"
    ),
    "fear": re.compile(r"\b(?:bang|doodsbang|scared|terrified|afraid|panic|paniek|angstig)\b"),
    "urgency": re.compile(r"\b(?:snel|hurry|quick|now|nu|net|just|right now)\b|!!"),
    "help": re.compile(
        r"^(?:(?:please|aub|alsjeblieft|omg|oh god|snel|quick)\W+)*(?:help|hulp|sos)\b"
        r"|\bhelp (?:me|mij|ons|us)\b(?= *(?:$|[,.!?]|nu|now|please|aub|hij|ze|zij|he|she|they|mijn|my))"
    ),
    # Fled, or found: "ik ben weggerend", "he found my new address", "hij weet waar ik ben".
    "fled": re.compile(
        r"\b(?:weggerend|gevlucht|ontsnapt|weggevlucht|ran away|escaped|fled|got away|op de vlucht|on the run)\b"
    ),
    "found": re.compile(
        r"\b(?:weet waar ik (?:ben|woon|zit)|knows where i (?:am|live)|found (?:my|our) (?:new )?(?:address|house|flat|place)|"
        r"heeft (?:mijn|ons) (?:nieuwe )?adres|heeft (?:me|mij|ons) gevonden|found me|found us)\b"
    ),
    # Alarm words people type when it is happening: "omg hij is hier", "kut hij staat beneden".
    "alarm": re.compile(r"\b(?:omg|oh god|oh my god|kut|shit|fuck|fck|help|hulp|please|aub|alsjeblieft|sos)\b|!!"),
    # Writing in secret, or a protective order being broken.
    "covert": re.compile(
        r"\b(?:stiekem|in secret|quietly|kan niet praten|can'?t talk|contactverbod|straatverbod|huisverbod|"
        r"gebiedsverbod|restraining order|protective order|no contact order|took my phone|telefoon afgepakt)\b"
    ),
}

_NEGATION = re.compile(
    r"\b(?:niet|nie|geen|nooit|niemand|niks|niets|zonder|without|nothing|not|no|never|nobody|no one|isn'?t|aren'?t|wasn'?t|don'?t|doesn'?t|"
    r"didn'?t|hasn'?t|haven'?t|won'?t|niet meer|no longer|anymore)\b|n't\b"
)
_PAST = re.compile(
    r"\b(?:in (?:19|20)\d\d|toen|back in (?:\d|the day|those days|school|high school|college|\w+ (?:19|20)\d\d)|destijds|vroeger|vorig(?:e)? (?:jaar|week|maand|zomer|keer)|jaren geleden|maanden geleden|weken geleden|"
    r"toen ik (?:klein|jong|kind)|in het verleden|lang geleden|used to|last (?:year|month|week|summer|time)|ooit|"
    r"years ago|months ago|weeks ago|when i was (?:a kid|little|young|a child)|back then|in the past|long ago|"
    r"he once|she once|one time|ages ago|a long time ago|een keer eerder|"
    r"when i was (?:\d+|pregnant)|toen ik (?:\d+|zwanger) was|toen ik nog \w+|last christmas|vorige kerst)\b"
)
# Yesterday cancels a match in its own clause ("hij heeft me gisteren geschopt"), but is too close
# to now to cancel the classifier's alarm in cancels_danger ("gisteravond zei hij dat het vandaag
# afgelopen is, en nu hoor ik zijn auto").
_RECENT_PAST = re.compile(r"\b(?:gisteren|eergisteren|gisteravond|yesterday|the other day)\b")
_HABITUAL = re.compile(
    r"\b(?:lol|haha\w*|hihi|grapje|jk|just kidding|al jaren|al maanden|al weken|"
    r"(?:als|wanneer) (?:hij|ze|zij) (?:dronken|boos|kwaad|gedronken|gestrest|moe|ruzie)|"
    r"(?:when|whenever|if) (?:he|she)(?:'s| is| gets)? (?:drunk|angry|mad|upset|stressed|tired)|"
    r"vaak|soms|regelmatig|elke|iedere|altijd|wel eens|weleens|vaker|often|sometimes|regularly|every|"
    r"always|usually|at times|for years|for months|for weeks)\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:wat (?:moet|kan|doe|moeten|kunnen) (?:ik|je|we) (?:doen )?(?:als|wanneer)|wat als|stel dat|stel je voor|"
    r"als hij ooit|mocht hij|in geval|wat te doen als|hoe (?:moet|kan) ik .{0,30} als|"
    r"is het (?:normaal|geweld|mishandeling|strafbaar) als|telt het als|what (?:should|do|can|would) (?:i|you|we) do (?:if|when)|"
    r"what if|in case|suppose|if he ever|if she ever|is it (?:abuse|violence|normal|illegal) (?:if|when)|"
    r"does it count (?:if|when)|hypothetically|(?:can|should|may) i call the police|mag ik .{0,20} bellen|"
    r"kan ik .{0,20} bellen als|bang dat hij ooit|afraid he might one day|(?:when|wanneer) (?:should|moet|bel|do|kan|mag)|"
    r"droom\w*|droomde|nachtmerrie|dreamt|dreamed|dream|nightmare)\b"
)
# A clause that opens as a question about rules or normality ("is het normaal dat hij me
# slaat", "mag hij een mes hebben", "how do i know if he'll hurt me") is not an alarm.
_QUESTION_START = re.compile(
    r"^\s*(?:is (?:het|dat|dit|it|this|that)|mag (?:ik|hij|zij|ze|mijn|je|het)|kan (?:ik|hij|zij|ze|mijn|je|het)|"
    r"kun (?:je|ik)|moet (?:ik|je)|hoe|wanneer|waarom|welke|when|how|why|should|can (?:i|he|she|you|my)|"
    r"could|may i|does|do i|is it|is this|is that|would|is \w+ing)\b"
)
_NOW_CUE = re.compile(rf"\b{_NOW}\b|^(?:help|hulp)\b")
# Happening again, now: outweighs a habitual or past cue ("hij wurgt me elke keer, nu weer").
_AGAIN_NOW = re.compile(
    r"\b(?:nu weer|nu opnieuw|nou weer|vandaag weer|vanavond weer|vannacht weer|weer bezig|nu al weer|"
    r"now again|again now|again right now|doing it again|at it again|(?:is|'s) starting again|it'?s happening again|"
    r"het gebeurt (?:nu )?weer|doet het (?:nu )?weer)\b"
)
# A strong cue that it is happening as the person writes: it wins over a question about whether
# this is normal or allowed ("hij slaat me nu, is dat normaal?" is an alarm).
_STRONG_NOW = re.compile(
    r"\b(?:nu|nou|op dit moment|op het moment|nu meteen|right now|as we speak|at this moment|now|rn|help|hulp)\b"
)
# "... but it was just my flatmate": the writer has found out there is no danger.
_RESOLVED = re.compile(
    r"\b(?:(?:but )?it was (?:just|only)|turned out (?:to be|it was)|false alarm|never ?mind|nvm|"
    r"(?:maar )?het was (?:maar|gewoon|alleen)|bleek (?:het |het maar |maar |gewoon )|vals alarm|laat maar)\b"
)
# Hiding that is not from a person: pets, games, presents, chores and school.
_BENIGN_HIDING = re.compile(
    r"\b(?:hamster|kat|katten|poes|kitten|cat|cats|hond|hondje|puppy|dog|konijn|rabbit|cavia|guinea pig|muis|mouse|"
    r"huisdier|pet|vogel|bird|parkiet|verstoppertje|hide and seek|hide-and-seek|eieren|paaseieren|eggs|cadeau\w*|"
    r"presents?|gifts?|verrassing|surprise|sinterklaas|chores|klusjes|huiswerk|homework|afwas|dishes|toets|"
    r"proefwerk|exam|exams|tentamen|rapport|cijfer\w*|grades?|report card|failed|gezakt|regen|rain|zon|sun|hitte|"
    r"heat|spin|spider|wesp|wasp|baas|boss|schoonmoeder|mother-in-law|deadline|telefoontje|phone calls?)\b"
)
# "help!" followed by an ordinary question or an everyday mishap is not a cry for help.
_ORDINARY_HELP = re.compile(
    r"^\W*(?:help|hulp|sos)\b\W*(?:(?:me|mij|ons|us) )?(?:(?:with|met|bij) )?(?:(?:hoe|waar|wat|welke|wanneer|waarom|weet iemand|kan iemand|kun je|kunt u|"
    r"how|where|what|which|when|why|does anyone|can anyone|can you|could you)\b"
    r"|(?:mijn|de|het|my|the|our|onze|ons) (?:\w+ )?(?:pdf|word|excel|computer|laptop|scherm|screen|printer|wifi|"
    r"internet|wasmachine|washing machine|vaatwasser|dishwasher|koelkast|fridge|fiets|bike|auto|car|kat|cat|hond|"
    r"dog|hamster|konijn|rabbit|huiswerk|homework|taart|cake|oven|verwarming|heating|boiler|cv-ketel|kraan|tap|"
    r"toilet|wc|lekt|leaks|kapot|broken|vast|stuck)\b)"
)
# Advice about someone else that a friend told the writer about: a worry, not an alarm.
_REPORTED = re.compile(
    r"\b(?:friend|vriendin|vriend|collega|colleague|coworker|classmate|klasgenoot|klasgenote|sister|zus|cousin|"
    r"nicht|neighbou?r|buurvrouw|buurman|teacher|juf|iemand|someone)\b.{0,12}\b(?:told|tells|vertelde|vertelt|"
    r"heeft (?:me|mij|ons) verteld|confided)\b"
)
_ADVICE = re.compile(
    r"\b(?:how (?:can|do|should) (?:i|we) help|what can i do|hoe kan ik (?:haar|hem|ze|hen)? ?helpen|"
    r"wat kan ik (?:voor (?:haar|hem|ze) )?doen|hoe help ik)\b"
)
# Violence on a screen, in a game or sport, or knives in a collection, is not danger at home.
_FICTION = re.compile(
    r"\b(?:verzameling|collectie|collection|video ?game|game|games|gamen|spelletje|in het spel|film|movie|serie|series|"
    r"tv|netflix|boek|book|fortnite|minecraft|call of duty|gta|mario ?kart|fifa|roblox|escape ?room|verstoppertje|"
    r"scrabble|schaken|chess|monopoly|cluedo|voetbal|football|soccer|wedstrijd|match|toneel|play|thriller|"
    r"documentaire|documentary|podcast|instagram|tiktok|\d+-\d+)\b"
)
# A visitor with pizza or flowers at the door is not a threat, unless fear or anger says so.
_BENIGN_VISIT = re.compile(
    r"\b(?:pizza|bloemen|flowers|pakket\w*|package|parcel|boodschappen|groceries|taart|cake|bezorg\w*|delivery|"
    r"postbode|postman|collectant|glazenwasser|cadeau\w*|presents?|takeaway|thuisbezorgd|wil het goedmaken|"
    r"make up|koffie|coffee|visite|visit|op bezoek|feestje|party|verjaardag|birthday|vakantie|holiday|verhuiz\w*|"
    r"om (?:me|mij|ons) te helpen)\b"
)
_ALARMED = re.compile(
    r"\b(?:bang|doodsbang|scared|terrified|afraid|woedend|woest|furious|dronken|drunk|agressief|aggressive|"
    r"contactverbod|straatverbod|huisverbod|restraining|help|hulp|dreigt|threat\w*|mes|knife|wapen|weapon)\b"
)
# Following online, and small everyday injuries, are not emergencies.
_ONLINE = re.compile(r"\b(?:online|social media|sociale media|instagram|insta|tiktok|twitter|facebook|snapchat|volgers|followers)\b")
_MINOR_INJURY = re.compile(
    r"\b(?:pleister|plaster|band-?aid|schaafwond|scraped|scrape|knie|knee|vinger|finger|paper ?cut|tandvlees|gums|"
    r"shaving|scheren|ongesteld|period|menstru\w*|neusbloeding|nosebleed)\b"
)
# Asking whether something is normal or counts as abuse is a question, not an alarm.
_CLASSIFYING = re.compile(
    r"\b(?:is (?:that|this|it) (?:ok|okay|normal|abuse|violence|domestic violence|a problem|bad|healthy|allowed|legal)|"
    r"is dat (?:normaal|ok|oke|erg|geweld|mishandeling|al geweld|huiselijk geweld|strafbaar|toegestaan|stalking|stalken|"
    r"intimidatie)|is (?:that|this|it) (?:stalking|harassment|controlling|coercive control)|"
    r"moet ik me zorgen maken|should i be worried|normaal(?=[^.!]{0,30}\?)|normal(?=[^.!]{0,30}\?)|"
    r"(?:can|may) (?:he|she|they) (?:do|legally) (?:that|this)|legally|wettelijk|juridisch|"
    r"mag (?:dat|hij dat|ze dat|zij dat)(?=(?: \w+)?\s*\?)|is dat (?:legaal|wettelijk|toegestaan))\b"
)
# "i need to call the police about my bike" is not a call for help: the verb is not an imperative.
_NOT_IMPERATIVE = re.compile(
    r"\b(?:to|i|we|you|should|would|will|'ll|ik|je|jij|moet|moeten|wil|ga|gaan|kan|kun|can|may|mag|did|have|heb|had)\s*$"
)
# Any word that may carry danger: what must be absent for a context to cancel a whole message.
_DANGER_WORD = re.compile(
    r"\b(?:sla\w*|sloeg\w*|geslagen|schop\w*|geschopt|trap\w*|getrapt|stomp\w*|wurg\w*|gewurgd|duw\w*|geduwd|"
    r"knijp\w*|kneep|steek\w*|stak|gestoken|sleur\w*|sleep\w*|smijt\w*|gesmeten|gooi\w*|pijn|aandoe\w*|aan doe\w*|"
    r"mishandel\w*|verkracht\w*|misbruik\w*|aanrand\w*|vermoord\w*|dood\w*|afmaak\w*|afmaken|schiet\w*|schot\w*|"
    r"dreig\w*|hit\w*|kick\w*|punch\w*|beat\w*|chok\w*|strangl\w*|push\w*|shov\w*|slap\w*|stab\w*|hurt\w*|"
    r"attack\w*|drag\w*|rape\w*|kill\w*|murder\w*|shoot\w*|shot\w*|threat\w*|smash\w*|grab\w*|"
    r"mes|messen|knife|knives|gun\w*|pistool|wapen\w*|weapon\w*|geweer|rifle|bijl|axe|hamer|hammer|"
    r"bloed\w*|blood\w*|bleed\w*|bang|scared|afraid|terrified|doodsbang|paniek|panic\w*|help\w*|hulp|sos|112|911|999|"
    r"politie|police|cops|kom|komt|komen|coming|come|eraan|terug|back|again|weer|nog steeds|still|buiten|outside|"
    r"binnen|inside|beneden|downstairs|boven|upstairs|deur\w*|doors|doorbell|doorway|(?:the|my|our|front|back) door|raam|window\w*|opgesloten|opsluit\w*|locked|"
    r"trapped|vast|slot|brand|fire|benzine|petrol|gas|ontvoer\w*|kidnap\w*|meegenomen|took|taken|verstop\w*|hid\w*|"
    r"vlucht\w*|gevlucht|fled|escap\w*|durf\w*|dare|can'?t|cannot|kan niet|won'?t|keel|throat|adem\w*|breath\w*|"
    r"lucht|volgt|achtervolg\w*|follow\w*|stalk\w*|wacht|waiting|woedend|furious|dronken|drunk|gevaar\w*|danger\w*|"
    r"onveilig|unsafe|niet veilig|not safe|touw|rope|afgelopen|tonight|vanavond|vannacht)\b"
)
_LEADING_CRY = re.compile(r"^\W*(?:help|hulp|sos)\b")
_AT_THE_DOOR_RULES = frozenset({"at_the_door", "breaking_in", "coming_now", "combined_cues"})
# A negation only cancels within its own clause: "het bloed stopt niet, hij sloeg me net".
_CLAUSE_BREAK = re.compile(r"[,.;:!?]| en | and | maar | but ")
_SENTENCE_BREAK = re.compile(r"[.;!?\n]")
# Words that look like a trigger but are everyday speech; removed before matching.
_IDIOMS = re.compile(
    r"\b(?:dood van (?:het|de) \w+|(?:baas|coach|leraar|docent|juf|meester|trainer|boss|teacher)\b.{0,30}"
    r"(?:maakt me af|vermoordt|murder|kill)|opgesloten in de (?:trein|lift|metro|bus)|trapped in a \w* ?meeting|"
    r"dood van het lachen|doodmoe|(?:slaat|sloeg|sla|slaan) de spijker op (?:zijn|z'n|de) kop|dood ?op|dood ?gewoon|dodelijk saai|moordend|doodgaan van de honger|"
    r"(?:in|uit) de file|opgesloten in de file|"
    r"(?:stuck|trapped|vast|opgesloten|zat|zit|was) in (?:a|the|de|het|een) (?:lift|elevator|traffic|meeting|trein|train|"
    r"metro|bus|file|verkeer)|mijn telefoon is dood|batterij is dood|slaat (?:nergens|helemaal nergens) op|"
    r"slaat op tilt|dying of laughter|killing it|this heat is killing me|killing me softly|"
    r"my feet are killing me|dead tired|bored to death|dying to|to die for|"
    # Deadlines, homework and bad grades "kill" people too.
    r"(?:deadline|huiswerk|homework|werk|work|examen|tentamen|toets|stress|hitte|warmte|file|week|dag|"
    r"verbouwing)\w* (?:maakt|is|are|has been) (?:me |us )?(?:af|kapot|killing|murder)\w*|"
    r"(?:vermoordt|maakt) (?:me|mij|ons) (?:af )?als .{0,30}(?:cijfer|rapport|toets|proefwerk|te laat|ziet dat)|"
    r"(?:it|this|that|the \w+|these \w+|those \w+|my (?:feet|back|head|legs|knees|neck|stomach|job))(?:'s| is| are) killing (?:me|us)|"
    r"stab\w* (?:me |us |her |him )?in the back|shoot me (?:a|an) \w+|smash(?:ing|ed|es)? it|kill for|"
    r"ik sla (?:mijn|de|een) wekker|slaat (?:mijn|de) wekker|sla (?:mijn|de) wekker dood)\b"
)

# Context for the weak cues: past, habitual and hypothetical messages do not count.
_WEAK = _Rule("combined_cues", re.compile("$^"), negatable=False)


@dataclass(frozen=True)
class DangerSignal:
    """Why a message was judged to signal acute danger (the rule's name, never the text)."""

    rule: str


def _span(text: str, start: int, end: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    """The clause or sentence (by ``breaks``) around text[start:end]."""
    begin = 0
    for found in breaks.finditer(text, 0, start):
        begin = found.end()
    after = breaks.search(text, end)
    return begin, after.start() if after else len(text)


# People in general, not someone now: "hulp voor mannen die hun vrouw slaan", "net zo erg als slaan".
_GENERIC = re.compile(
    r"\b(?:mensen|mannen|vrouwen|ouders|vaders|moeders|partners|daders|people|men|women|parents|fathers|mothers|"
    r"partners) (?:die|who|that)\b|\b(?:zo erg|net zo erg|erger|as bad|worse) (?:zijn |is |as |than )?(?:als|dan)?\s?\w*ing?\b|"
    r"\b(?:zo erg|net zo erg|erger) (?:zijn )?(?:als|dan) \w+\b"
)
# The writer's own wish to die goes to 113 first (bot/escalation.py), not to 112.
_OWN_SUICIDE = re.compile(
    r"\b(?:ik wil (?:\w+ ){0,2}(?:dood|sterven|niet meer leven)|ik (?:wil|ga) me(?:zelf)? (?:\w+ ){0,2}van kant maken|"
    r"ik wil er een eind aan maken|mezelf (?:van kant|iets aandoen|doodmaken|ophangen)|"
    r"(?:i want to|i wanna|i'?m going to|i'?m planning to|planning to|thinking about) (?:die|kill myself|end (?:my life|it all))|"
    r"end my life|kill myself)\b"
)
# Idioms with death words: "ik ga me dood vervelen", "i killed it at my exam".
_DEATH_IDIOM = re.compile(
    r"\b(?:dood (?:vervelen|lachen|schamen|schrikken|ergeren|moe)|doodvervelen|doodlachen|doodschamen|"
    r"killed it|killing it|kill(?:ed|ing)? time)\b"
)


def _cancelled(text: str, start: int, end: int, rule: _Rule) -> bool:
    """True when the context around a match shows it is not acute danger now."""
    if _FICTION.search(text):
        return True
    if rule.name == "kill_threat" and (_OWN_SUICIDE.search(text) or _DEATH_IDIOM.search(text)):
        return True
    if rule.name == "violence_now" and _GENERIC.search(text[max(0, start - 40) : end]):
        return True
    if rule.name == "weapon" and _WEAPON_EVERYDAY.search(text):
        return True
    if rule.name in _AT_THE_DOOR_RULES and _BENIGN_VISIT.search(text) and not _ALARMED.search(text):
        return True
    if rule.name == "followed_now" and _ONLINE.search(text):
        return True
    if rule.name == "injury_now" and _MINOR_INJURY.search(text):
        return True
    if rule.name == "hiding" and _BENIGN_HIDING.search(text) and not _ALARMED.search(text):
        return True
    if rule.name == "call_for_help" and _NOT_IMPERATIVE.search(text[max(0, start - 15) : start]):
        return True
    if rule.name == "call_for_help" and _ORDINARY_HELP.search(text) and not _DANGER_WORD.search(_LEADING_CRY.sub("", text)):
        return True
    if _RESOLVED.search(text, end):
        return True
    clause_start, clause_end = _span(text, start, start, _CLAUSE_BREAK)
    # A question whether this is normal or allowed does not cancel violence happening now:
    # "hij slaat me nu, is dat normaal?" is an alarm. The present cue must be in the match's clause.
    # ("how can i help her" asks for advice: its "help" is not a cry).
    strong_now = bool(_STRONG_NOW.search(_ADVICE.sub(" ", text[clause_start : _span(text, end, end, _CLAUSE_BREAK)[1]])))
    if _CLASSIFYING.search(text) and not strong_now:
        return True
    if (
        rule.name in ("violence_now", "hearing_violence", "call_for_help")
        and _REPORTED.search(text[:end])
        and _ADVICE.search(text)
        and not strong_now
    ):
        return True
    sentence_start, sentence_end = _span(text, start, end, _SENTENCE_BREAK)
    before = text[max(clause_start, start - 30) : start]
    # Dutch puts "niet" after the verb and object ("hij slaat me niet"): look a little past
    # the match too, within its clause.
    after = text[end : min(end + 12, _span(text, end, end, _CLAUSE_BREAK)[1])]
    if rule.negatable and any(_NEGATION.search(part) for part in (before, text[start:end], after)):
        return True
    if rule.needs_now and not _NOW_CUE.search(text):
        return True
    if rule.requires is not None and not rule.requires.search(text):
        return True
    # A hypothetical or a question about the rules, before the match in its sentence.
    if _HYPOTHETICAL.search(text[sentence_start:end]) or _QUESTION_START.search(text[clause_start:]):
        return True
    if rule.name == "gunshots" or _AGAIN_NOW.search(text):
        return False
    # Past and habitual cues cancel unless a "now" cue says it is happening again: in
    # the match's own clause when the cue is there, otherwise in its sentence.
    clause = text[clause_start:clause_end]
    if _NOW_CUE.search(clause) or text.startswith(("help", "hulp")):
        return False
    if _PAST.search(clause) or _RECENT_PAST.search(clause) or _HABITUAL.search(clause):
        return True
    if _NOW_CUE.search(text[sentence_start:sentence_end]):
        return False
    return bool(_PAST.search(text) or _RECENT_PAST.search(text) or _HABITUAL.search(text))


# "die man die me al weken stalkt", "the guy who's been stalking me": how long the stalking has
# lasted says nothing about whether what he does now is habitual, so the clause becomes "stalker".
_STALKER_CLAUSE = re.compile(
    r"\b(?:die|who(?:'s| has| is)?(?: been)?) (?:me |mij |ons )?(?:al (?:weken|maanden|jaren|dagen|een tijd) |"
    r"(?:for|since) \w+ \w+ )?(?:stalkt|volgt|achtervolgt|lastigvalt|stalks|follows|harasses|stalking|following|"
    r"harassing)(?: (?:me|mij|ons|us))?(?: (?:al (?:weken|maanden|jaren|dagen)|for (?:weeks|months|years|days)))?\b"
)


def _prepare(text: str) -> str:
    return _STALKER_CLAUSE.sub(" stalker ", _IDIOMS.sub(" ", _shorthand(normalise(text))))


def _combined_cues(text: str) -> bool:
    """Someone present plus a second cue (fear, anger, alarm, secrecy, urgency), or anger
    plus fear, urgency or an opening cry for help."""
    if _cancelled(text, len(text), len(text), _WEAK) or _HYPOTHETICAL.search(text) or _RESOLVED.search(text):
        return False
    if _BENIGN_VISIT.search(text) and not _ALARMED.search(text):
        return False
    cues = set()
    for name, cue in _WEAK_CUES.items():
        for found in cue.finditer(text):
            clause_start, clause_end = _span(text, found.start(), found.end(), _CLAUSE_BREAK)
            if name in ("presence", "rage") and _NEGATION.search(text[clause_start:clause_end]):
                continue
            cues.add(name)
            break
    if "presence" in cues:
        return len(cues) >= 2
    return "rage" in cues and bool(cues & {"fear", "urgency", "help"})


def detect_danger(text: str) -> DangerSignal | None:
    """Return a :class:`DangerSignal` when ``text`` signals acute danger, else ``None``."""
    cleaned = _prepare(text)
    if _bare_cry(cleaned):
        return DangerSignal("call_for_help")
    for rule in _RULES:
        for match in rule.pattern.finditer(cleaned):
            if not _cancelled(cleaned, match.start(), match.end(), rule):
                return DangerSignal(rule.name)
    if _combined_cues(cleaned):
        return DangerSignal("combined_cues")
    return None


# ---------------------------------------------------------------------------------------
# Cancelling context, for the trained classifier's acute_danger (see bot/nlu/danger_detector.py).
# ---------------------------------------------------------------------------------------

# Negations that are the danger itself: never evidence that a message is safe.
_DANGEROUS_NEGATION = re.compile(
    r"\b(?:won'?t (?:stop|let|leave|go)|will not (?:stop|let)|doesn'?t stop|can'?t (?:breathe|get out|leave|talk|call|speak|"
    r"move|escape|go|stand)|cannot|kan (?:niet|geen)|krijg (?:geen|bijna geen) (?:lucht|adem)|durf\w* (?:\w+ )*niet|"
    r"dare not|don'?t dare|niet (?:meer )?veilig|not safe|unsafe|onveilig|stopt niet|houdt niet op|laat (?:me|mij|ons) niet|"
    r"niet (?:meer )?(?:weg|uit|naar buiten|naar huis)|niet bellen|don'?t call|no way out|nergens heen|nowhere to go|"
    r"not breathing|niet (?:meer )?(?:ademen|wakker|bewegen|opstaan)|won'?t wake|not moving|beweegt niet|reageert niet|"
    r"niet overle\w*|won'?t survive|niet levend|not alive|won'?t make it|geen (?:lucht|adem)|niemand (?:kan|helpt)|"
    r"no one (?:can|will) help|nobody (?:can|will) help|not (?:going to|gonna) stop|niet ophoudt|gaat niet weg|won'?t go away|"
    r"won'?t leave|(?:als|if) (?:er )?(?:nu )?(?:niemand|no one|nobody) (?:nu )?(?:komt|comes|helpt|helps))\b"
)
# The writer is safe now, or the one who is a danger cannot reach them.
_SAFE_NOW = re.compile(
    r"\b(?:(?:ik )?(?:ben|zit|zijn|voel (?:me|mij))(?: (?:nu|nu wel|inmiddels|weer|gelukkig|echt|al|wel|helemaal|hier))* "
    r"(?:veilig|in veiligheid)|niet (?:meer )?in (?:direct |acuut )?gevaar|geen gevaar|not in (?:any )?danger|no danger|"
    r"(?:i'?m|i am|we'?re|we are) (?:ok|okay|fine|safe|alright|all right)(?: now)?|safe now|veilig nu|"
    r"(?:alles|het) is (?:nu )?(?:weer )?rustig|(?:it'?s|it has|everything is|all is) (?:been )?(?:quiet|calm|fine)|"
    r"(?:in (?:de )?gevangenis|in de cel|in (?:prison|jail|custody)|locked up|behind bars|enkelband|ankle (?:tag|monitor))|"
    r"(?:hij|ze|zij) zit (?:nu |nog )?vast|(?:opgepakt|gearresteerd|vastgezet|arrested)|(?:hij|he) is (?:nu )?weg|"
    r"he(?:'s| is| has)? (?:gone|left)|geen contact meer|no contact (?:anymore|any more|now)|hasn'?t (?:contacted|called|texted)|"
    r"(?:woont|lives) (?:nu |now )?in (?:een |a )?(?:ander|andere|another|different) (?:land|stad|country|city|town)|"
    r"moved (?:abroad|away)|uit elkaar|split up|broke up|divorced|gescheiden|"
    r"(?:de )?politie is (?:hier|bij (?:me|mij|ons)|geweest|gekomen)|police (?:are here|(?:already |just )?came|took him|have him)|"
    r"(?:took|taken) him away|hebben hem meegenomen|weet niet waar ik (?:ben|woon|zit)|doesn'?t know where i (?:am|live)|"
    # The writer has locked the door on the outside world.
    r"\w*deur (?:zit|is) (?:nu |weer |goed )?(?:op slot|dicht)|(?:ik heb|i'?ve|i have) (?:de |the |alle |all the )?"
    r"(?:deur|deuren|door|doors) (?:op slot gedaan|locked)|(?:ik heb|i'?ve|i have) (?:\w+ )?locked (?:the|all the) doors?)\b"
)
# "als hij weer gaat slaan, waar kan ik dan heen?": a question about a possible next time.
_NEXT_TIME = re.compile(
    r"^\W*(?:en |and |maar |but )?(?:als|wanneer|mocht|if|when|in case|stel dat|suppose) (?:hij|ze|zij|he|she|they|mijn \w+|my \w+) "
    r"(?:ooit |ever |nog eens |weer |again )?(?:\w+ ){0,4}?(?:weer|again|nog eens|ooit|ever|once more)\b"
)
# A film, game or book (narrower than _FICTION: social media and "tv" can carry real threats).
_STORY = re.compile(
    r"\b(?:video ?games?|gamen|spelletje|in het spel|in the game|film|movie|serie|series|netflix|boek|book|fortnite|"
    r"minecraft|call of duty|gta|roblox|escape ?room|verstoppertje|hide and seek|toneel|thriller|documentaire|documentary)\b"
)
# A contrast that brings the danger back: "geen mes maar wel een touw".
_BUT_STILL = re.compile(
    r"\b(?:maar wel|maar (?:nu|hij|ze|zij) (?:wel|weer)|but (?:he|she|they) (?:does|has|is|did|'s)|but now|maar nu)\b"
)
# Words an everyday context explains: presence at the door with pizza, a hamster hiding, a leading "help!".
_EXPLAINED_BY_VISIT = re.compile(
    r"\b(?:deur\w*|door\w*|raam|window|buiten|outside|binnen|inside|beneden|downstairs|komt|komen|coming|come|kom|"
    r"staat|staan|wacht|waiting|tonight|vanavond|vannacht)\b"
)
_EXPLAINED_BY_HIDING = re.compile(r"\b(?:verstop\w*|hid\w*|verschuil\w*|verscholen|ontsnapt|escap\w*|vast|stuck)\b")
# A danger word that a negation governs: "geen mes", "staat niet meer voor de deur", "not hitting me".
_NEGATED_DANGER = re.compile(
    rf"(?:{_NEGATION.pattern})(?: (?!(?:hij|ze|zij|he|she|they|ik|i|en|and|maar|but)\b)[\w']+){{0,3}}? "
    rf"(?:{_DANGER_WORD.pattern})"
)


def cancels_danger(text: str) -> bool:
    """True when ``text`` clearly says there is no danger now, although it talks about danger.

    For the fusion with the trained classifier: when it (and not the patterns) predicted
    acute_danger, a cancelling context the patterns judge reliably demotes that prediction.
    The contexts: the past ("vorig jaar", "ages ago", "toen ik klein was"), an explicit
    negation of the danger ("hij heeft geen wapen", "ik ben nu veilig", "he's in prison"), a
    hypothetical ("als hij weer...", "what if"), a resolved scare ("it was just my flatmate")
    or an everyday use ("help! hoe zet ik een pdf om", a hamster hiding, an idiom).

    Conservative by design: False whenever the patterns see danger, whenever a negation is
    itself the danger ("ik durf niet naar huis", "ik ben niet veilig", "he won't stop", "i
    can't breathe", "niet bellen hij hoort me"), and whenever any clause that is not cancelled
    still holds a word that may carry danger.
    """
    return detect_danger(text) is None and cancels_missed_danger(text)


def cancels_missed_danger(text: str) -> bool:
    """``cancels_danger`` for text the patterns have already judged (detect_danger gave None)."""
    cleaned = _shorthand(normalise(text))
    if _DANGEROUS_NEGATION.search(cleaned):
        return False
    if _BUT_STILL.search(cleaned):
        return False
    prepared = _prepare(text)
    # Everyday contexts: an idiom taken out, "help!" before an ordinary question, a pet or a chore
    # hiding, a visitor with pizza. The words they explain no longer count as danger words.
    everyday = bool(_IDIOMS.search(cleaned))
    if _ORDINARY_HELP.search(prepared):
        everyday, prepared = True, _LEADING_CRY.sub(" ", prepared)
    if _BENIGN_HIDING.search(prepared) and _EXPLAINED_BY_HIDING.search(prepared) and not _ALARMED.search(prepared):
        everyday, prepared = True, _EXPLAINED_BY_HIDING.sub(" ", prepared)
    if _BENIGN_VISIT.search(prepared) and not _ALARMED.search(prepared):
        everyday, prepared = True, _EXPLAINED_BY_VISIT.sub(" ", prepared)
    advice = bool(_ADVICE.search(prepared))
    live, cancelled = False, everyday
    for sentence_start, sentence_end in _clauses_by(prepared, _SENTENCE_BREAK):
        sentence = prepared[sentence_start:sentence_end]
        strong_now = bool(_STRONG_NOW.search(_ADVICE.sub(" ", sentence)))
        now = bool(_NOW_CUE.search(sentence) or _AGAIN_NOW.search(sentence))
        # A hypothetical, a next time, a resolved scare, a question about the rules, or advice asked
        # about what a friend told: each covers its whole sentence unless it says "now".
        if not strong_now and (
            _HYPOTHETICAL.search(sentence)
            or (_NEXT_TIME.search(sentence) and re.search(r"\?|\b(?:kan ik|moet ik|can i|should i|do i)\b", sentence))
            or _RESOLVED.search(sentence)
            or _CLASSIFYING.search(sentence)
            or (advice and _REPORTED.search(sentence))
            or _STORY.search(sentence)
        ):
            cancelled = True
            continue
        # The past covers its sentence when nothing in it says "now".
        if _PAST.search(sentence) and not now:
            cancelled = True
            continue
        for start, end in _clauses_by(sentence, _CLAUSE_BREAK):
            clause = sentence[start:end]
            # What a negation governs is cancelled; any other danger word in the clause stays live.
            rest = _NEGATED_DANGER.sub(" ", clause)
            if _PAST.search(clause) or (_HYPOTHETICAL.search(clause) and not _STRONG_NOW.search(clause)) or (_SAFE_NOW.search(clause) and not _DANGER_WORD.search(_SAFE_NOW.sub(" ", rest))):
                cancelled = True
            elif _DANGER_WORD.search(_ADVICE.sub(" ", rest)):
                live = True
            elif rest != clause:
                cancelled = True
    return cancelled and not live


def _clauses_by(text: str, breaks: re.Pattern[str]) -> list[tuple[int, int]]:
    bounds, begin = [], 0
    for found in breaks.finditer(text):
        bounds.append((begin, found.start()))
        begin = found.end()
    bounds.append((begin, len(text)))
    return [(a, b) for a, b in bounds if text[a:b].strip()]
