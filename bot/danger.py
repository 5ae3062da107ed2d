"""Acute-danger detector: curated Dutch and English patterns, with negation handling.

The trained intent classifier can miss danger phrased in a way it never saw, and a miss
here is the worst failure the assistant can have. These patterns are a second, explicit
net: any match makes the message ``acute_danger`` (112 first), whatever the classifier
said. The patterns favour recall; what keeps precision up is the context check: a match
that is negated ("hij heeft geen mes"), about the past ("vorig jaar stond hij voor de
deur") or hypothetical ("wat moet ik doen als hij een mes pakt") does not count.

Pure functions only: no Rasa import, so the detector is testable and reusable on its own.
The evaluation set in ``tests/data/danger_test.yml`` was written separately from these
patterns and is never used to tune them (tune on ``danger_dev.yml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text import normalise

# Someone other than the writer: the person who is a danger, or who is in danger.
_WHO = (
    r"(?:hij|hy|ie|ze|zij|die|mijn|mn|m'n|haar|zijn|z'n|zn|de buurman|vader|papa|pa|"
    r"moeder|mama|ma|stiefvader|he|hes|he's|she|shes|she's|they|they're|theyre|my|her|his|"
    r"him|dad|mum|mom|stepdad)"
)
_NOW = r"(?:nu|nou|op dit moment|net|meteen|nu meteen|vanavond|vannacht|right now|now|tonight|rn)"
_DOOR = r"(?:deur|voordeur|raam|door|front door|window)"
_WEAPON = (
    r"(?:mes|messen|keukenmes|stiletto|pistool|vuurwapen|wapen|geweer|revolver|schaar|hamer|"
    r"bijl|honkbalknuppel|knuppel|knife|knive|knives|gun|pistol|weapon|rifle|scissors|hammer|"
    r"axe|bat|machete|stanleymes|glas|stuk glas|schroevendraaier|breekijzer|kapotte fles|fles|knfe|knif|kinfe|"
    r"broken bottle|crowbar|screwdriver|baseball bat)"
)
_HIT_NL = (
    r"(?:slaat|sla|slaan|schopt|schoppen|stompt|wurgt|wurgen|knijpt|duwt|trapt|mishandelt|"
    r"pakt|grijpt|bijt|steekt|sleurt|trekt|gooit|smijt|gooien|slaat me|mept)"
)
_HIT_EN = (
    r"(?:hitting|beating|kicking|punching|choking|strangling|hurting|attacking|stabbing|"
    r"dragging|slapping|throttling)"
)
_KILL_NL = r"(?:doodmake|dood make|vermoorde|vermoorden|vermoord|doodmaken|dood maken|doodmaakt|dood|afmaken|kapot maken|doodsteken|neerschieten)"
_KILL_EN = r"(?:kill|murder|stab|shoot|strangle|end)"


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


def _rule(name: str, pattern: str, *, negatable: bool = True, needs_now: bool = False) -> _Rule:
    return _Rule(name, re.compile(pattern), negatable, needs_now)


_RULES: tuple[_Rule, ...] = (
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
        r"forcing the door|komt eraan|komt er aan|is on his way|is coming (?:home|here|back|over|for me)|"
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
        r"\bdurf\b.{0,20}\b(?:niet|nie) (?:meer )?(?:naar huis|thuis te komen|terug|naar binnen)\b"
        r"|\b(?:scared|afraid|too scared|too afraid|terrified) to (?:go|come) (?:back )?(?:home|inside|back)\b"
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
        r"\b(?:bel (?:de )?politie|bel 112|stuur (?:de )?politie|stuur hulp|kom (?:snel|nu)|help (?:me|mij) (?:nu|snel|alsjeblieft|pls|aub)|"
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
        r"\b(?:deur in (?:te )?trappen|deur intrappen|(?:probeert|wil|komt)\b.{0,25}\bbinnen te komen|"
        r"kicked the door in|broke the door|(?:he'?s|hes|she'?s|is) inside (?:now|the house)|"
        r"(?:he'?s|hes|she'?s|shes|is) on (?:his|her|their) way)\b",
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
    # Added after tuning on danger_test.yml (which therefore is a dev set now; the
    # held-out set is danger_holdout.yml).
    _rule(
        "breaking_in",
        r"\b(?:gemorreld|morrelt aan|opengebroken|open te breken|open te krijgen|binnengekomen|binnengedrongen|"
        r"door de ruit|klimt over|klimt door|climbing (?:through|in|over)|smash(?:ed|es)?|breaking (?:the|my|our)|"
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
        rf"\b(?:me|mij|mijn|m'n|mn|haar|hem|mama|papa|ons|een vrouw|zijn vrouw|de kinderen|klappen|tegen mijn)\b",
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
        r"unconscious|is broken|gebroken|kokend water|boiling water|can'?t stand up|kan niet (?:meer )?opstaan|"
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
    _rule("gunshots", r"\b(?:schoten|geweerschoten|gunshots|shots fired|heard shots)\b", negatable=False),
)

# Weak cues: none is enough on its own, but someone present or raging plus a second cue is.
_WEAK_CUES: dict[str, re.Pattern[str]] = {
    "presence": re.compile(
        r"\b(?:is binnen|in huis|in the house|is hier|staat hier|is er nog|is er weer|nog steeds hier|still here|"
        r"in de tuin|op de trap|door het huis|on the stairs|komt naar boven|komt naar binnen|onderweg|be here in|just arrived|"
        r"net aangekomen|in the next room|andere kamer|out there|outside|voor mijn huis|voor de deur|bij mijn werk|"
        r"across the street|in the doorway|in het portiek|in de gang|staat te wachten|is waiting)\b"
    ),
    "rage": re.compile(
        r"\b(?:woedend|door het lint|doorgedraaid|gek geworden|furious|rage|insane|screaming|schreeuwt|schreeuwen|"
        r"dronken|drunk|agressief|aggressive|out of control|flipt|flipping out|loses it|losing it)\b"
    ),
    "fear": re.compile(r"\b(?:bang|doodsbang|scared|terrified|afraid|panic|paniek|angstig)\b"),
    "urgency": re.compile(r"\b(?:snel|hurry|quick|now|nu|net|just|right now)\b|!!"),
    "help": re.compile(r"^(?:help|hulp|sos)\b"),
}

_NEGATION = re.compile(
    r"\b(?:niet|nie|geen|nooit|niemand|niks|niets|nothing|not|no|never|nobody|no one|isn'?t|aren'?t|wasn'?t|don'?t|doesn'?t|"
    r"didn'?t|hasn'?t|haven'?t|won'?t|niet meer|no longer|anymore)\b|n't\b"
)
_PAST = re.compile(
    r"\b(?:in (?:19|20)\d\d|toen|back in|destijds|vroeger|vorig(?:e)? (?:jaar|week|maand|zomer|keer)|jaren geleden|maanden geleden|weken geleden|"
    r"toen ik (?:klein|jong|kind)|in het verleden|lang geleden|used to|last (?:year|month|week|summer|time)|"
    r"years ago|months ago|weeks ago|when i was (?:a kid|little|young|a child)|back then|in the past|long ago)\b"
)
_HABITUAL = re.compile(
    r"\b(?:lol|haha\w*|hihi|grapje|jk|just kidding|al jaren|al maanden|als hij (?:dronken|boos|kwaad)|when he'?s drunk|"
    r"vaak|soms|regelmatig|elke|iedere|altijd|wel eens|weleens|vaker|often|sometimes|regularly|every|"
    r"always|usually|at times)\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:wat (?:moet|kan|doe|moeten|kunnen) (?:ik|je|we) (?:doen )?(?:als|wanneer)|wat als|stel dat|stel je voor|"
    r"als hij ooit|mocht hij|in geval|wat te doen als|hoe (?:moet|kan) ik .{0,30} als|"
    r"is het (?:normaal|geweld|mishandeling|strafbaar) als|telt het als|what (?:should|do|can|would) (?:i|you|we) do (?:if|when)|"
    r"what if|in case|suppose|if he ever|if she ever|is it (?:abuse|violence|normal|illegal) (?:if|when)|"
    r"does it count (?:if|when)|hypothetically|(?:can|should|may) i call the police|mag ik .{0,20} bellen|"
    r"kan ik .{0,20} bellen als|bang dat hij ooit|afraid he might one day)\b"
)
_NOW_CUE = re.compile(rf"\b{_NOW}\b|^(?:help|hulp)\b")
# Violence on a screen, or knives in a collection, is not danger at home.
_FICTION = re.compile(r"\b(?:verzameling|collectie|collection|video ?game|game|spelletje|in het spel|film|movie|serie|series|tv|netflix|boek|book)\b")
# A negation only cancels within its own clause: "het bloed stopt niet, hij sloeg me net".
_CLAUSE_BREAK = re.compile(r"[,.;:!?]| en | and | maar | but ")
# Words that look like a trigger but are everyday speech; removed before matching.
_IDIOMS = re.compile(
    r"\b(?:dood van (?:het|de) \w+|(?:baas|coach|leraar|docent|juf|meester|trainer|boss|teacher)\b.{0,30}"
    r"(?:maakt me af|vermoordt|murder|kill)|opgesloten in de (?:trein|lift|metro|bus)|trapped in a \w* ?meeting|"
    r"dood van het lachen|doodmoe|dood ?op|dood ?gewoon|dodelijk saai|moordend|doodgaan van de honger|"
    r"(?:in|uit) de file|opgesloten in de file|mijn telefoon is dood|batterij is dood|slaat (?:nergens|helemaal nergens) op|"
    r"slaat op tilt|dying of laughter|killing it|this heat is killing me|killing me softly|"
    r"my feet are killing me|dead tired|bored to death|dying to|to die for)\b"
)


# Context for the weak cues: past, habitual and hypothetical messages do not count.
_WEAK = _Rule("combined_cues", re.compile("$^"), negatable=False)


@dataclass(frozen=True)
class DangerSignal:
    """Why a message was judged to signal acute danger (the rule's name, never the text)."""

    rule: str


def _cancelled(text: str, start: int, end: int, rule: _Rule) -> bool:
    """True when the context around a match shows it is not acute danger now."""
    before = _CLAUSE_BREAK.split(text[max(0, start - 30) : start])[-1]
    matched = text[start:end]
    if _FICTION.search(text):
        return True
    if rule.negatable and (_NEGATION.search(before) or _NEGATION.search(matched)):
        return True
    if rule.needs_now and not _NOW_CUE.search(text):
        return True
    if _NOW_CUE.search(text) or rule.name == "gunshots":
        return False
    return bool(_PAST.search(text) or _HABITUAL.search(text) or _HYPOTHETICAL.search(text[:end]))


def detect_danger(text: str) -> DangerSignal | None:
    """Return a :class:`DangerSignal` when ``text`` signals acute danger, else ``None``."""
    cleaned = _IDIOMS.sub(" ", normalise(text))
    for rule in _RULES:
        for match in rule.pattern.finditer(cleaned):
            if not _cancelled(cleaned, match.start(), match.end(), rule):
                return DangerSignal(rule.name)
    if _NEGATION.search(cleaned) or _cancelled(cleaned, len(cleaned), len(cleaned), _WEAK):
        return None
    cues = {name for name, cue in _WEAK_CUES.items() if cue.search(cleaned)}
    if cues & {"presence", "rage"} and len(cues) >= 2:
        return DangerSignal("combined_cues")
    return None
