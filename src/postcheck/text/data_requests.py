"""A public request for personal data (M105): a sentence that asks the reader for an NHS number, a date of birth...
to be written where everyone can read it."""

from __future__ import annotations

import re

from postcheck.text import APOSTROPHES, LazyPattern, masked, unwrap, word_model

# Where the reader would like something of theirs sent, after "a good" or "the best" data word (_GOOD_FOR_SENDING): "the
# best address to post your new card to" (not "the best address to send complaints to", a question a reply may answer),
# or the thing the reply offers, asked: "What's the best email to send it to?"
# (Or a thing sent "out": "What's the best address to post the complaint form out to?")
_SENT_TO = (
    r"\s+(?:for\s+(?:us|me)\s+)?to\s+(?:send|post|text|e-?mail|ring|call)\b[^?.!]{0,60}?"
    r"(?:\b(?:you|your|u)\b|\bout\s+to\s*\?)"
)
_IT_SENT_TO = (
    r"\s+(?:for\s+(?:us|me)\s+)?to\s+(?:send|post|text|e-?mail|forward)\s+(?:it|them|this|that)\s+(?:over\s+)?to\s*\?"
)
# Someone of the reader's, before their data with "'s" or, as text-speak has it, a bare "s": "ur little ones details",
# "your son's details", "ur kids full name" (each a look-behind of its own length). ("boy" and "girl" with "'s" only:
# "Share your favourite baby girls names below!" asks for ideas, not a child's name.)
_KIN = (
    "kid", "son", "daughter", "baby", "child", "little one", "mum", "mam", "mom", "dad", "nan", "gran", "grandad",
    "grandma", "husband", "wife", "partner", "brother", "sister", "teen", "teenager", "toddler",
)  # fmt: skip
_AFTER_KIN = "|".join(
    [f"(?<=\\b{kin}{s}\\s)" for kin in (k.replace(" ", "\\s") for k in _KIN) for s in ("'s", "s", "s'")]
    + ["(?<=\\bboy's\\s)", "(?<=\\bgirl's\\s)"]
)
# Someone of the reader's whose birth is asked: "your daughter", "your little boy".
_THEIR_CHILD = r"(?:your|ur|his|her|their)\s+(?:little\s+|youngest\s+|eldest\s+|baby\s+)?[\w'-]+"
# Someone's birth asked for by when it was: "When were you born?", "When was your daughter born?" (after "when").
_BORN_WHEN = rf"(?:were\s+(?:you|u|they)|was\s+(?:he|she|{_THEIR_CHILD}(?:\s+one)?))\s+born\b"
# A baby's due date asked in everyday words: "When is your baby due?" (after "when is" or "when's").
_DUE = r"(?:your|ur|her|their)\s+(?:baby|little\s+one|bump)\s+due\b"
# A copy of a document asked for, by its noun or its verb: "a photo of ...", "snap ...".
_COPY = r"(?:(?:photo|picture|pic|screenshot|scan|copy)s?\s+of\s+|(?:screenshot|snap|photograph|scan)\s+)"
# Someone's, after "your", "ur", "his", "her" or "their": "your service number", "his symptoms".
_SOMEONES = r"(?:(?<=your\s)|(?<=\bur\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=their\s))"
# Where an account's name reaches its owner: social media and games.
_ACCOUNTS = (
    r"snap\s?chat|insta(?:gram)?|tiktok|discord|telegram|twitter|x|facebook|fb|threads|bluesky|roblox|minecraft|"
    r"xbox|psn|playstation|steam|twitch|fortnite|epic|nintendo|switch|reddit|youtube|gaming"
)
# The plans and forms of someone's care, which carry their name and record: "her asthma action plan", "a ReSPECT form".
_CARE_PLANS = (
    r"(?:asthma\s+)?action\s+plans?|care\s+plans?|meal\s+plans?|(?:ReSPECT|DNACPR|DNAR)\s+forms?|(?:safety|crisis)\s+plans?|"
    r"EHCPs?|EHC\s+plans?"
)
# ... and papers about someone's health: "the fit note", "your occupational health report".
_HEALTH_PAPERS = r"(?:fit|sick)\s+notes?|(?:occupational\s+health|OH|medical)\s+reports?"
# ... and a court's order about someone, which carries names and addresses: "your non-molestation order".
_COURT_ORDERS = r"(?:court|non-molestation|occupation|protection|restraining|prohibited\s+steps)\s+orders?"
PERSONAL_DATA = LazyPattern(
    r"\b(?:NHS\s+(?:numbers?|nums?\b|nr\b)|NHS\s+no\b\.?(?!\s+(?:longer|more|one|other|matter|charge|cost|need|later)\b)|"
    r"hosp(?:ital|\.)?\s+(?:numbers?|no\b\.?|IDs?\b)|dates?\s+o(?:f|')\s+birth|DOB|d\.o\.b\.?|"
    # A member of staff's number, which finds their employment record: "reply with your staff number".
    # (A blood donor's too, which finds their donor record: "Do you have your donor number handy? Pop it below".)
    r"(?:(?<=your\s)|(?<=\bur\s)|(?<=their\s))(?:staff|payroll|employee|assignment|ESR|donor)\s+(?:numbers?|no\b\.?|IDs?\b)|"
    # A referral's reference, which finds the patient's record: "Pop your referral reference below".
    # (A service's name between: "your podiatry referral reference".)
    r"(?:(?<=your\s)|(?<=\bur\s)|(?<=their\s))(?:[\w-]+\s+)?(?:referral|e-?RS)\s+(?:reference|ref|number|no\b\.?)|UBRN|"
    # ("the referral reference from your GP's letter")
    r"(?<=the\s)(?:referral|e-?RS|booking)\s+(?:reference|ref|number)(?=\s+(?:from|on|in)\s+(?:your|ur|his|her|their)\b)|"
    # A year of birth: "what year were you born?".
    r"year\s+(?:of\s+birth|(?:were\s+you|you\s+were|was\s+(?:he|she)|(?:he|she)\s+was)\s+born)|birth\s+year|"
    # ... or the date itself asked: "When were you born? Let us know below", "When was your daughter born?", "What day
    # was she born?", "Which hospital was she born at, and on what day?".
    rf"(?<=when\s){_BORN_WHEN}|(?:(?<=what\s)|(?<=which\s))(?:day|date)\s+{_BORN_WHEN}|"
    r"born\s+(?:at|in)\b[^?.!\n]{0,40}?\band\s+(?:on\s+)?(?:what|which)\s+(?:day|date)\b|"
    # ... or named by it: "Could you reply with the date you were born?"
    r"(?<=the\s)date\s+(?:you|u|he|she|they|(?:your|ur|his|her|their)\s+[\w'-]+)\s+(?:was|were)\s+born\b|"
    # The number on the reader's letter, which finds their record: "Could you share the number at the top of your clinic
    # letter?" (not the service's number on it: "Ring the number on your letter" asks for nothing).
    # (Nor the number to ring: "Give them a ring on the number at the top of her last letter".)
    r"(?<=the\s)(?<!\bon\sthe\s)(?:reference\s+|patient\s+|hospital\s+)?number\s+(?:at\s+the\s+top\s+of|in\s+the\s+top\s+(?:right\s+|left\s+)?"
    r"(?:corner\s+)?of|printed\s+on)\s+(?:your|ur|his|her|their)\s+(?:[\w-]+\s+)?(?:letter|card)\b|"
    # ... and its reference, wherever on it: "the reference number on your physio referral letter".
    r"(?<=the\s)reference(?:\s+(?:number|no\b\.?))?\s+on\s+(?:your|ur|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:letter|card|"
    r"e-?mail|text)\b|"
    # A passport's number: "Could you reply with your passport number and address?"
    r"passport\s+(?:numbers?|no\b\.?|details)|"
    # ... and a residence permit's: "Pop your BRP number below".
    r"(?:BRP|ARC|(?:biometric\s+)?residence\s+permit|Home\s+Office\s+reference)\s+(?:numbers?|no\b\.?)|"
    # ... and a veteran's: "Reply with your service number".
    rf"{_SOMEONES}(?:service|military|army|forces)\s+(?:numbers?|no\b\.?)|"
    # The NHS number by its length: "the 10-digit number from your NHS letter".
    r"(?:10|ten)[\s-]digit\s+(?:NHS\s+)?(?:numbers?|no\b\.?)|"
    # Part of a number is the number's data: "the last 3 digits of ur NHS number", "the first half of your postcode".
    r"(?:last|first|final|end)\s+(?:\d{1,2}|two|three|four|five|six|few|couple\s+of|half)(?:\s+(?:digits|numbers|"
    r"characters|letters|numerals|bit|part))?\s+of\s+(?:your|ur|yer|their|his|her)\s+(?:NHS\s+(?:number|no\b\.?|num\b)|"
    r"hospital\s+(?:number|no\b\.?)|(?:phone|mobile)(?:\s+number)?|post\s?code|reg(?:istration)?(?:\s+(?:number|no\b\.?))?|"
    r"date\s+of\s+birth|DOB)|"
    # When someone was born, told: "Let us know when your twins were born", "Can you confirm when you were born?" (not
    # "Let us know when you're free").
    r"(?:(?<=\bknow\s)|(?<=\btell\sus\s)|(?<=\btell\sme\s)|(?<=\bconfirm\s)|(?<=\bcomments\s)|(?<=\breplies\s)|(?<=\bbelow\s))"
    rf"when\s+(?:you|u|he|she|they|{_THEIR_CHILD})\s+(?:was|were)\s+born\b|"
    # The name the reader's record is under: "What name was the booking made under?", "Which name was it booked under?"
    # ("What name was on the request form?": the name on a thing of someone's care.)
    r"(?:(?<=what\s)|(?<=which\s))(?:full\s+)?name(?=\s+(?:was|is|were)\s+(?:[^?.!]{0,40}?\bunder\b|on\s+(?:the|your|his|her)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:form|letter|booking|referral|card|prescription|label|record)s?\b))|"
    # "leave your details", "your son's name": what details and a name mean in a request.
    # ("your deets": details in slang.)
    r"(?<=your\s)(?:details|deets)|(?<=their\s)details|(?:(?<=\bhis\s)|(?<=\bher\s)|(?<=their\s))deets|(?:(?<=\bur\s)|(?<=\byer\s))(?:details|deets|(?:(?:full|first|last)\s+)?name|number|"
    # (The whole noun phrase, so that what follows it is read after it: "whats ur mobile number got to do with it?")
    # ("ur phone" alone is the handset: "put ur phone away".)
    r"mobile(?:\s+(?:number|no\b\.?))?|phone\s+(?:number|no\b\.?)|e-?mail(?:\s+address)?|DOB|address|post\s?code)|"
    r"(?<=your\s)(?:(?:full|first|last|maiden|previous|former|old|new|legal|preferred|chosen)\s+)?name|(?<=your\s)(?:first|full|given)\s+and\s+(?:last|sur|family)\s*names?|(?<=your\s)surname|"
    # Someone else's name, asked through the reader ("Comment their full name and ward"): a qualified name, or a name
    # listed with more data; "their name" alone is a nomination's ("tell us their name and why they deserve it").
    # ("tag your son with his full name": "his" and "her" as "their".)
    r"(?:(?<=their\s)|(?<=\bhis\s)|(?<=\bher\s))(?:(?:full|first|last|maiden)\s+name|surname|(?:first|full|given)\s+and\s+(?:last|sur|family)\s*names?)|"
    # ("what's her name and class?": a child's name with her class.)
    r"(?:(?<=their\s)|(?<=\bhis\s)|(?<=\bher\s))name(?=\s*(?:,|&|\+|and)\s*(?:their\s+|his\s+|her\s+)?(?:age|(?:home\s+)?address|"
    r"date\s+of|DOB|d\.o\.b|post\s?code|NHS|hospital|school|class|year\s+group|ward|(?:bed|room|bay)\s+n|mobile|phone|"
    r"e-?mail|allerg|"
    # ("What's her name and which bed is she in?": where someone lies now.)
    r"(?:which|what)\s+(?:ward|bed|bay|room)))|"
    # "leave your number": a phone number, but not "your number in the queue".
    r"(?<=your\s)number(?!\s+(?:of|on|in\s+(?:the\s+)?(?:queue|line|list))\b)|"
    # "your 📱 number": an emoji for the phone.
    r"(?<=your\s[\U0001F4F1\U0001F4DE\u260E]\s)number|(?<=your\s\u260E\uFE0F\s)number|"
    # (Text-speak too: "stick ur 📱 number under the pic".)
    r"(?<=\bur\s[\U0001F4F1\U0001F4DE\u260E]\s)number|(?<=\bur\s\u260E\uFE0F\s)number|"
    # "your son's name", but not a pet's, a team's or a school's: "Reply with your dog's name to win a lead"; nor any
    # group's, place's or organisation's, a name for many people ("reply with your class's name", "your department's").
    # (A look-behind holds words of one length: each length its own.)
    r"(?<='s\s)(?<!\b(?:pet|dog|cat|gym|pub|wig|car|van)'s\s)(?<!\b(?:team|club|pony|ward|band|shop|unit|form|crew|pack|town|city|"
    r"firm|cafe|home|bike)'s\s)(?<!\b(?:puppy|teddy|horse|group|choir|hotel|doggy|moggy|class|squad|troop|union|beard)'s\s)"
    r"(?<!\bmoustache's\s)"
    r"(?<!\b(?:kitten|rabbit|school|street|parrot|budgie|church|league|county|mosque|temple)'s\s)"
    r"(?<!\b(?:hamster|charity|company|surgery|village|college|nursery|academy|society)'s\s)"
    r"(?<!\b(?:business|pharmacy|practice|hospital|tortoise)'s\s)(?<!\b(?:care\shome|workplace)'s\s)"
    r"(?<!\b(?:department|university)'s\s)(?<!\b(?:organisation|organization)'s\s)(?:full\s+)?names?|"
    # ... and someone of the reader's details or name, also without the apostrophe: "ur little ones details".
    rf"(?=details|deets|(?:full\s+|first\s+|last\s+|sur)?names?\b)(?:{_AFTER_KIN})"
    r"(?:details|deets|(?:(?:full|first|last)\s+)?(?:sur)?names?)|"
    # "give us your mobile", "your email": the number or address left unsaid.
    # (Not "your email confirmation", "your mobile app": there the word names something else.)
    # ("your work email", "your personal mobile": which one, said first; "your caseworker's mobile": someone's.)
    r"(?:(?<=your\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=\btheir\s))(?:[\w-]+'s\s+)?(?:(?:work|personal|home|school|uni|best)\s+)?"
    r"(?:mobile|landline|e-?mail)(?=\s*(?:[^\w\s]|$|(?:and|or|in|on|here|below|so|to|by|please|too|as|for|still(?=\s+[+(\d])|"
    r"under\w*)\b))|"
    # ... also listed after another of the reader's things: "pop your booking reference and email below" (_means_data).
    # ("... and email and we'll sort it": the list's clause ends where what the service will do begins.)
    r"(?:(?<=\sand\s)|(?<=\sand\swork\s)|(?<=\sand\spersonal\s))(?:e-?mail|mobile)"
    r"(?=\s*(?:[^\w\s]|$|(?:below|here|in|on|please|pls|too|under\w*)\b|"
    r"(?:and|so|then|n)\s+(?:we|we'll|we'd|we're|our|the\s+team|I|I'll)\b))|"
    # "the first line of your address", "the best number to reach you on": the data in a longer noun phrase.
    r"(?:home\s+|full\s+|postal\s+|email\s+|e-mail\s+|(?:first|second)\s+line\s+of\s+(?:(?:your|their|the)\s+(?:\w+'s\s+)?)?"
    r"(?:home\s+|postal\s+)?)?address(?:es)?|(?<!\bits\s)post\s?codes?|"  # (not a thing's: "Reply with its postcode")
    # An e-mail address in slang ("your email addy"), and a car's registration ("your reg number", "your number plate").
    # (Not "your registration for the fun run": a registration is a number only when it says so or is a car's.)
    r"(?:e-?mail\s+)?addy|(?:(?<=your\s)|(?<=\bur\s))reg\b(?:\s+(?:numbers?|no\b\.?|plates?))?|(?:car|vehicle)\s+reg(?:istration)?\b|"
    r"reg(?:istration)?\s+(?:numbers?|no\b\.?|plates?)|number\s+plates?|"
    # ("What's the reg of the car that got the ticket?": the car's registration in a longer noun phrase.)
    r"reg(?:istration)?(?:\s+(?:numbers?|no\b\.?))?\s+(?:of|on)\s+(?:the|your|their|his|her|ur)\s+(?:\w+\s+)?"
    r"(?:car|vehicle|van|motor)\b|"
    r"(?:phone|mobile|telephone|contact|landline)\s+numbers?|"
    # "Is the best contact for you still 07700 900123?": the reader's contact, named for them.
    r"(?<=best\s)contact(?:\s+(?:number|details|no\b\.?))?\s+(?:for|to\s+(?:reach|get)|on)\s+(?:you|u)\b|"
    # Part of a home address: "your DOB and house number", "what street do you live on?"
    # ("Pop your birthday and house number below": listed after another of the reader's things.)
    r"(?:(?<=your\s)|(?<=\bur\s)|(?<=\sand\s))(?:house|flat|door)\s+(?:number|no\b\.?)|"
    # ... someone else's too ("What's your neighbour's house number and road?"), and the room someone lives in at a
    # care home ("your aunt's room number", "your relative's room number").
    r"(?:(?<=\w's\s)|(?<=\w'\s))(?:house|flat|door)\s+(?:number|no\b\.?)|"
    r"(?:(?<=your\s)|(?<=\bur\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=their\s)|(?<=\w's\s))(?:room|bed)\s+(?:number|no\b\.?)|"
    # ... or asked as which room or bed someone is in now: "Which room is your mum in at Oakwood Lodge?"
    r"(?:which|what)\s+(?:room|bed)\s+(?:is|are)\s+(?:he|she|they|you|u|(?:your|ur|his|her|their)\s+[\w'-]+)\s+in\b|"
    # ("tell us in the comments which street you live on": "which" with it, so that it breaks no clause.)
    r"(?:which\s+)?(?:street|road)\s+(?:(?:do|does|did)\s+(?:you|u|they|he|she|(?:your|the)\s+\w+)\s+live|(?:you|u|they|he|she|your\s+\w+)\s+"
    r"lives?)\s+(?:on|in|at)\b|"
    # ... or is on: "Which street are you on?"
    # ("Which street are you bedding down on tonight?", "Tell us which street they're on".)
    r"(?:(?:which|what)\s+|(?<=which\s)|(?<=what\s))(?:street|road)\s+(?:(?:are|is|were|was)\s+(?:you|u|they|he|she|"
    r"your\s+\w+)|you're|"
    r"they're|he's|she's)\s+(?:[\w-]+\s+){0,2}?on\b|"
    # ... or whose house is on it: "Which road is your mum's house on?"
    r"(?:(?:which|what)\s+|(?<=which\s)|(?<=what\s))(?:street|road)\s+(?:is|'s)\s+(?:your|ur|his|her|their)\s+"
    r"(?:[\w-]+'s\s+)?(?:house|home|flat|bungalow|place)\s+on\b|"
    # ... or where a Traveller family stops: "Pop your site and pitch number below", "Which site are you stopping on?"
    r"(?:(?<=your\s)|(?<=\bur\s)|(?<=\sand\s)|(?<=their\s))pitch\s+(?:number|no\b\.?)|"
    r"(?:(?:which|what)\s+|(?<=which\s)|(?<=what\s))(?:site|pitch)\s+(?:are|is)\s+(?:you|u|they|he|she|(?:your|ur)\s+\w+)\s+"
    r"(?:(?:currently|now)\s+)?(?:stopping|staying|pulled\s+up|parked|living)\s+(?:on|at)\b|"
    # ... or the injury or illness someone had: "Tell us in the comments which injury you had".
    r"(?:(?:what|which)\s+|(?<=which\s)|(?<=what\s))(?:injury|injuries|illness|condition|diagnosis)\s+(?:you|u|he|she|they|(?:your|ur)\s+\w+)"
    r"(?:'ve|\s+have|\s+has)?\s+(?:had|got|have|has)\b|"
    # ... or the name someone is registered under: "What name are you registered under? Reply here".
    r"(?:(?<=what\s)|(?<=which\s))(?:name|surname)\s+(?:are|is|were|was)\s+(?:you|u|they|he|she|"
    r"(?:your|ur)\s+\w+)\s+(?:registered|booked|listed|down)\s+(?:under|as)\b|"
    # ... or the share code that opens someone's immigration status: "reply here with the share code from your
    # settled status".
    r"share\s+codes?\b|"
    # ... a driving licence's number or the DVLA's check code for it: "Reply with your driving licence number".
    r"(?:driving\s+)?licen[cs]e\s+(?:numbers?|no\b\.?)|(?:DVLA|licen[cs]e)\s+check\s+codes?|"
    # ... a patient number a clinic gives: "pop your patient number from the fertility unit in a reply".
    r"(?:(?<=your\s)|(?<=\bur\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=their\s))patient\s+(?:numbers?|no\b\.?|IDs?\b)|"
    # ... a vehicle's registration by its owner: "what's your lorry's reg?"
    r"(?:car|lorry|van|vehicle|motorbike|taxi|cab|truck|HGV)'s\s+reg(?:istration)?\b|"
    # The data named by what someone did with it: "the email you used when you registered", "the number you gave us"
    # (not "the email you received": that is a message).
    r"(?<=the\s)(?:e-?mail(?:\s+address)?|(?:phone\s+|mobile\s+)?number|mobile|address|post\s?code)\s+(?:that\s+)?"
    r"(?:you|u|they|he|she|your\s+\w+)\s+(?:(?:first|originally|last)\s+)?(?:used|gave|registered|signed\s+up|"
    r"booked|put\s+down|entered|provided|ordered|paid|bought|logged\s+in|signed\s+in)\b|"
    r"(?:number|mobile|landline)\s+to\s+(?:reach|call|ring|text|contact|get\s+hold\s+of)\s+(?:you|them|him|her|(?:your|ur)\s+[\w'-]+)"
    r"(?:\s+on)?\b|"
    # ... or left or given for a ring back: "Leave us a number and someone will ring you back" (not "Give us a number of
    # ideas").
    r"(?:(?<=\bus\sa\s)|(?<=\bme\sa\s)|(?<=\bleave\sa\s)|(?<=\bdrop\sa\s))(?:phone\s+|contact\s+|mobile\s+)?number\b(?!\s+of\b)(?=[^.!?\n]{0,80}?\b(?:ring|call|"
    r"phone|text|contact)\s+(?:you|u)\b)|"
    # ... or one that is safe or best to ring: "Reply with a number that's safe to ring and a good time".
    r"(?:number|mobile|landline)\s+(?:that's|that\s+is|which\s+is)\s+(?:safe|best|ok|okay|easiest)\s+to\s+(?:ring|call|text|"
    r"contact)\b|"
    # ... or the best one for someone: "What's the best number for his support worker?", "the best email for you".
    r"(?<=best\s)(?:number|mobile|landline|contact\s+number|e-?mail(?:\s+address)?)\s+for\s+(?:you|u|(?:your|ur|his|her|their)\s+"
    r"[\w'-]+(?:\s+worker)?)\b|"
    # ... or the best one, the question ending there, after an offer to ring: "Our burns nurse can ring you tomorrow,
    # what's the best number?" (not "What's the best number to call for PALS?").
    r"(?<=the\sbest\s)(?:phone\s+|mobile\s+|contact\s+)?number(?=\s*\?)|"
    # ... or for someone named to ring: "the best time and number for the physio to give you a bell".
    r"(?:number|mobile|landline)\s+(?:for\s+(?:the\s+|your\s+|our\s+)?[\w'-]+(?:\s+[\w'-]+){0,2}?\s+)?to\s+(?:(?:reach|call|ring|"
    r"text|phone|contact|get\s+hold\s+of)\s+(?:you|u)|give\s+(?:you|u)\s+a\s+(?:bell|ring|call|buzz))\b|"
    # ... with any verb, where the number is one someone is "on": "the best number to get you on", "a number we can
    # catch you on", "the best email to get you on" (not "the number to get you on the list": there "on" opens what the
    # number is for).
    # ("What's the best number for the driver to get you on?")
    r"(?:number|mobile|landline|e-?mail(?:\s+address)?)\s+(?:(?:for\s+(?:the\s+|our\s+)?[\w-]+\s+)?to|(?:we|I)\s+(?:can|could|should))\s+"
    r"(?:[a-z]+\s+){1,2}?"
    r"(?:you|u|them)\s+(?:on|at)"
    r"(?=\s*(?:[^\w\s]|$|(?:and|or|please|pls|today|tomorrow|later|so|then|during|between)\b))|"
    # "What number's best to text the new slot to?", "Which number should we ring you on?": the reader's number asked.
    # (The reader's: "you" or a question ending on "to", "on" - not "What number's best to call for PALS?")
    r"(?:(?<=what\s)|(?<=which\s))(?:phone\s+|mobile\s+)?number(?=(?:'s|\s+is|\s+would\s+be)\s+(?:best|easiest)\b[^?.!]{0,60}?"
    r"(?:\b(?:you|your)\b|\b(?:on|to|at)\s*\?))|"
    r"(?<=which\s)(?:phone\s+|mobile\s+)?number(?=\s+(?:should|can|shall|do)\s+(?:we|I|they|she|he|the\s+\w+)\s+(?:\w+\s+)?(?:you|them)\b)|"
    # ("Which mobile should they send it to?")
    r"(?<=which\s)mobile(?=\s+(?:should|can|shall)\s+(?:we|I|they|she|he|the\s+\w+)\s+(?:send|text|ring|call)\b)|"
    # ... or the one the reader booked with: "What number did you book with?"
    r"(?:(?<=what\s)|(?<=which\s))(?:phone\s+|mobile\s+)?number(?=\s+did\s+(?:you|u|they|he|she)\s+(?:book|register|"
    r"sign\s+up|give)\w*\b)|"
    # "What's a good email to send your form to?": where the reader would like something sent (not "the address to send
    # the form to", which may be the service's, nor "What's a good number to call for PALS?"); asked of a thing the
    # reply offers, too: "Happy to send you the leaflet. What's the best email to send it to?"
    rf"(?:(?<=good\s)|(?<=best\s))(?:e-?mail(?:\s+address)?|(?:phone\s+|mobile\s+)?number|address)(?={_SENT_TO}|{_IT_SENT_TO})|"
    # Where to send the reader a thing of theirs, which is their address: "just let us know where to send it", "Where
    # should we post the new card?", "Where should we send a replacement?" (not "Not sure where to send your form?",
    # where the reader sends, nor "let us know where to send your complaint", which goes elsewhere).
    # ("let us know the address to send a copy to")
    r"(?<=know\s)the\s+address\s+(?:to|(?:we|I)\s+(?:should|can|could))\s+(?:send|post)\s+(?:it|them|(?:a|the)\s+"
    r"(?:new\s+|spare\s+|replacement\s+)?(?:copy|one|form|letter|card|pack))\s+to\b|"
    r"(?:(?<=know\s)|(?<=\bus\s)|(?<=\bme\s))where\s+(?:to|(?:we|I)\s+(?:should|can|could))\s+(?:send|post)\s+(?:it|them|(?:a|the)\s+(?:new|replacement|spare)\s+one|"
    # ("the new sensor applicators", "the replacement": a few words before what is sent.)
    r"(?:the|your|a)\s+(?:[\w-]+\s+){0,2}?(?:copy|letter|card|kit|pack|leaflet|certificate|results?|replacement|"
    # ... or where a colleague should send it: "Jane would love to send you a card. Where should she send it?"
    r"prescription|badge|pass|applicator|sensor|supplies|parcel|bag|stocking|strap|spare|form)s?)\b(?!\s+to\s+(?!you\b))|where\s+(?:should|shall|can)\s+(?:(?:we|I)\s+(?:send|post)\b|"
    r"(?:she|he)\s+(?:send|post)\s+(?:it|them|the\s+\w+)(?=\s*\?))|"
    # When someone was admitted to or discharged from hospital, a date of their health record: "what date was she
    # discharged?" (a ward alone is no one's data: "Which ward were you on, and what time did you arrive?").
    r"(?:when|what\s+(?:date|day|time))\s+(?:was|were)\s+(?:you|u|she|he|they|(?:your|ur|his|her|their)\s+[\w'-]+)\s+"
    r"(?:admitted|discharged|sent\s+home)\b|dates?\s+of\s+(?:admission|discharge)|"
    # ... or asked indirectly: "let us know which ward he was on and the date he was discharged".
    # (Not "roughly when she was discharged": a time of year, no date.)
    r"(?:(?<!\broughly\s)(?<!\babout\s)(?<!\baround\s)when|the\s+(?:date|day))\s+(?:you|u|she|he|they|"
    r"(?:your|ur|his|her|their)\s+[\w'-]+)\s+"
    r"(?:was|were)\s+(?:admitted|discharged|sent\s+home)\b|"
    # Someone's status for an infection, which is their health: "let us know your HIV status in the comments".
    # ("Tag your partner in the comments with their hep B status": someone else's too.)
    rf"{_SOMEONES}(?:HIV|hep(?:atitis)?\s+[BC]|STI|vaccination|vaccine|immuni[sz]ation|COVID|TB)\s+status\b|"
    # ... a blood group or a carrier's genes: "Do you know your blood type? Comment it below".
    rf"{_SOMEONES}(?:blood\s+(?:type|group)|genotypes?|(?:sickle\s+cell\s+|thalassaemia\s+)?carrier\s+status)\b|"
    # The name someone would like used, asked: "What name would you like us to use when you arrive?"
    r"(?<=what\s)name\s+(?:would|do|should|shall)\s+(?:you|u|he|she|they)\s+(?:like|want|prefer)\b|"
    # "When's your birthday - year too?": a birthday with its year is the date of birth.
    r"(?<=your\s)birthday(?=\s*(?:[-–—,(+&]\s*)?(?:and|with|including|incl\.?|plus)?\s*(?:the\s+|your\s+)?(?:birth\s+)?year\b)|"
    r"birth\s?dates?|"
    # What opens someone's accounts: "the 6-digit security code the app has just texted you", "your NHS login password".
    r"(?:security|verification|log-?in|one-time|authentication)\s+codes?|passcodes?|passwords?|log-?in\s+details|"
    # ... a PIN too, in capitals: "reply with the 4-digit PIN you chose at set-up" (not "pin it to the board").
    r"(?<=\bthe\s)\d-digit\s+(?-i:PIN)\b|(?:(?<=your\s)|(?<=\bur\s))(?:\d-digit\s+)?(?-i:PIN)\s+(?:number|code)\b|"
    # Someone's symptoms, which are their health: "What are his symptoms?", "what symptoms you've had", "which symptoms
    # she's had since the fall" (not "if your symptoms get worse": only where a request or question asks for them).
    rf"{_SOMEONES}symptoms\b|"
    r"(?:(?:what|which)\s+|(?<=what\s)|(?<=which\s))symptoms(?=\s+(?:(?:has|have|had|did|does|do|is|are)\s+)?(?:you|u|he|she|they|"
    r"(?:your|ur|his|her|their)\s+[\w'-]+)(?:'s|'ve|\s+has|\s+have|\s+had|\s+is|\s+are|\s+was|\s+were)?\b)|"
    # Which school or nursery a child goes to, which finds the child: "Which school does your son go to?" (not where a
    # school's visit is what the reply will check: "Which school is your daughter at? Reply here and we'll check when
    # the nasal spray team are visiting", as an earlier set judged it).
    r"(?:(?:what|which)\s+|(?<=which\s)|(?<=what\s))(?:school|nursery|pre-?school|college)(?=\s+(?:does|do|did)\s+"
    r"(?:he|she|they|(?:your|ur|his|her|their)\s+(?:little\s+|eldest\s+|oldest\s+|youngest\s+)?[\w'-]+)\s+(?:go|attend)\b|"
    # ("which school your daughter goes to": asked inside another sentence.)
    r"\s+(?:he|she|they|(?:your|ur|his|her|their)\s+(?:little\s+|eldest\s+|oldest\s+|youngest\s+)?[\w'-]+(?:\s+one)?)\s+"
    r"(?:goes|go|attends)\b)|"
    # Medical details: "your diagnosis", "the medicines you take", "What medication are you on?"
    # (Not a word of a compound: "your allergy-safe bake sale".)
    # (Someone of the reader's too: "Tell us your child's diagnosis".)
    r"(?:(?<=your\s)|(?<=\bur\s))(?:[\w-]+'s\s+)?(?:diagnos[ie]s|medical\s+(?:history|conditions?|details)|health\s+conditions?|"
    r"allerg(?:y|ies))(?!-)|"
    # ... someone's, said after: "Tell us below about any allergies your little one has".
    r"(?:allerg(?:y|ies)|medical\s+conditions?|health\s+conditions?)(?=\s+(?:you|u|he|she|they|(?:your|ur)\s+(?:little\s+)?"
    r"[\w'-]+)\s+(?:has|have|had|suffers?\s+from)\b)|"
    # ... a pregnancy's due date, which says she is pregnant: "what's your due date and which hospital are you booked
    # with? Reply here".
    r"(?:(?<=your\s)|(?<=\bur\s)|(?<=\bher\s)|(?<=their\s))(?:due\s+date|EDD)\b|"
    # (... in everyday words: "when is your baby due?")
    rf"(?:(?<=when\s)(?:is|was)\s+|(?<=when's\s)){_DUE}|"
    # (... or how much of a medicine someone takes: "how many puffs does he take?")
    r"how\s+many\s+(?:puffs|tablets|pills|doses|sprays|units)\s+(?:does|do|did)\s+(?:he|she|they|you|u|(?:your|ur)\s+[\w'-]+)\s+"
    r"(?:take|have|use|need)\b|"
    # (... or how far along: "How many weeks pregnant are you?")
    r"how\s+many\s+weeks\s+(?:pregnant|gone)\s+(?:are|is|r)\s+(?:you|u|she|they|(?:your|ur)\s+[\w'-]+)\b|"
    # ("the medication you're currently taking": an adverb between.)
    # ("Tell us below which tablets your dad takes": "which" with it, so that it breaks no clause.)
    # ("which pill you're on": the pill, asked with "which"; in text-speak, "what meds ur on"; "the medicines he was
    # taking before".)
    r"(?:(?:what|which)\s+(?:[\w-]+\s+)?)?(?:medications?|medicines?|meds|tablets|pills|(?<=which\s)pill|(?<=what\s)pill|"
    r"antihistamines?|antibiotics?|"
    r"painkillers?|blood\s+thinners?|contraceptives?|antidepressants?|inhalers?|eye\s?drops|creams?|stims|injections?|"
    r"supplements|vitamins|laxatives?|ointments?|treatments?)\s+(?:you|u|ur|they|he|"
    r"she|(?:your|ur)\s+\w+)(?:'re|'s|\s+are|\s+is|\s+r|\s+was|\s+were)?\s+"
    r"(?:(?:currently|now|still|regularly|usually|normally)\s+)?(?:on|taking|take|takes|use|uses|using|injecting|inject|"
    # ("which tablets you're waiting for", "which medication you were started on")
    r"waiting\s+(?:for|on)|started\s+on|put\s+on|sent\s+home\s+with)|"
    # ("Which antibiotic did the out-of-hours doctor give her, and what dose?")
    r"(?:(?<=what\s)|(?<=which\s))(?:[\w&-]+\s+)?(?:medications?|medicines?|meds|tablets|pills|antibiotics?|painkillers?|"
    r"inhalers?|steroids?|injections?)\s+did\s+"
    r"(?:the\s+|your\s+)?(?:[\w&-]+\s+){0,3}?(?:(?:give|prescribe)\s+(?:you|him|her|them|(?:your|ur)\s+(?:little\s+)?\w+)|inject|"
    # ("Which injections did the ward send you home with?")
    r"send\s+(?:you|him|her|them)\s+home\s+with)\b|"
    # ... or has been given: "Tell us what tablets she's been given", "which antibiotics she's been given and the dose".
    r"(?:(?:what|which)\s+)?(?:medications?|medicines?|meds|tablets|pills|antibiotics?|painkillers?)\s+(?:(?:was|were)\s+)?"
    r"(?:you|they|he|she|your\s+\w+)"
    r"(?:'ve|'s|'d|\s+have|\s+has|\s+had|\s+was|\s+were)?\s+(?:been\s+)?(?:given|prescribed)\b|"
    # ... or given by someone: "Tell us in the comments which tablets the hospital gave you" ("which" with it, so
    # that it breaks no clause).
    r"(?:(?:what|which)\s+|(?<=what\s)|(?<=which\s))(?:medications?|medicines?|meds|tablets|pills|antibiotics?|painkillers?)\s+"
    r"(?:the\s+[\w&-]+|they|he|she)\s+(?:gave|prescribed)\s+(?:you|u|him|her|them)\b|"
    # ... or what someone is prescribed, the medicine left unsaid: "Let us know below what you're scripted".
    r"(?<=what\s)(?:you|u|they|he|she|(?:your|ur)\s+\w+)(?:'re|'s|\s+are|\s+is|\s+r)\s+(?:currently\s+)?"
    r"(?:scripted|prescribed)\b|"
    # ("the inhalers you use": a medicine someone uses.)
    r"inhalers?\s+(?:you|they|he|she|your\s+\w+)(?:'re|\s+are|\s+is)?\s+(?:(?:currently|now|still|regularly|usually|"
    r"normally)\s+)?(?:use|uses|using|on)|"
    # "your regular meds", "any repeat medication": the medicines someone takes.
    r"(?:(?<=your\s)|(?<=\bur\s)|(?<=their\s)|(?<=any\s))(?:regular|current|repeat|usual|daily)\s+(?:medications?|medicines?|meds|tablets|pills)|"
    # ... and their list on a prescription: "ur repeat perscription list" (not "your repeat prescription experience").
    r"(?:(?<=your\s)|(?<=\bur\s)|(?<=their\s))(?:(?:regular|current|repeat|usual)\s+)?p(?:re|er)scripti?ons?\s+(?:list|slip)s?|"
    # ("Which tablets has your husband been prescribed?", "What medicines do you take?": asked in any tense.)
    # ("Which inhalers do you use?": a medicine someone uses.)
    # (Text-speak too: "which inhalers do u use?", "what meds r u on?")
    # ("what dose of sertraline are you on?": the dose as much as the medicine.)
    r"(?:(?<=what\s)|(?<=which\s))(?:dose|strength)\s+(?:of\s+(?:[\w-]+\s+){1,2}?)?(?:are|is|r)\s+(?:you|u|they|he|she|"
    r"(?:your|ur)\s+\w+|(?-i:[A-Z][a-z]{2,}))\s+(?:(?:currently|now|still)\s+)?(?:on|taking)\b|"
    # ("Which supplements or medication is she on?", "Which painkillers is your husband on?": two named, or by kind;
    # "What medication is Freya currently taking?": someone by name; "What medication is your mum waiting for?";
    # "Which coil have you got?", "which drops are you on".)
    r"(?:(?<=what\s)|(?<=which\s))(?:[\w-]+\s+(?:(?:or|and)\s+)?){0,2}?(?:medications?|medicines?|meds|tablets?|pills?|inhalers?|"
    r"painkillers?|antibiotics?|antidepressants?|antihistamines?|antipsychotics?|products?|strengths?|mood\s+stabili[sz]ers?|beta[\s-]blockers?|supplements?|vitamins?|thinners?|HRT|insulin|statins?|coils?|contraceptives?|"
    r"contraception|(?:eye\s+)?drops|biologics?|laxatives?|steroids?|patch(?:es)?|creams?|ointments?|treatments?|"
    r"compression\s+class|stockings|hosiery|dressings?|paints?|gels?|melts?|"
    r"(?<=which\s)brand|brand\s+of\s+[\w-]+)\s+"
    r"(?:(?:are|is|r)\s+(?:you|u|they|he|she|"
    r"(?:your|ur)\s+(?:little\s+)?\w+|(?-i:[A-Z][a-z]{2,}))\s+(?:(?:currently|now|still|regularly|usually|normally)\s+)?(?:on|taking|using|"
    r"waiting\s+(?:for|on))|(?:do|does|did)\s+(?:you|u|"
    r"they|he|she|(?:your|ur)\s+\w+)\s+(?:(?:currently|now|still|regularly|usually|normally)\s+)?(?:take|use)|(?:has|have)\s+(?:you|they|he|she|your\s+\w+)\s+"
    r"(?:been\s+)?(?:prescribed|given|put\s+on)|(?:have|has)\s+(?:you|u|they|he|she|your\s+\w+)\s+(?:currently\s+)?got|"
    # ("Which painkillers has the GP got you on?")
    r"(?:have|has)\s+(?:the|your)\s+(?:[\w&-]+\s+){0,2}?(?:got|put|started)\s+(?:you|him|her|them)\s+on|"
    # ("Which tablets was your husband sent home with?", "which inhaler were you started on?")
    r"(?:was|were)\s+(?:you|u|they|he|she|(?:your|ur)\s+\w+)\s+(?:sent\s+home\s+with|discharged\s+(?:with|on)|started\s+on|"
    r"put\s+on))|"
    # "Reply with what you take and what it's for": what someone takes, where the sentence is about medicines
    # (_means_data).
    r"what\s+(?:you|they|he|she|your\s+\w+)(?:'re|'s|\s+are|\s+is)?\s+(?:(?:currently|regularly|usually|normally)\s+)?"
    r"(?:take|takes|taking)(?=\s*(?:[,.;!?)]|$|\s[-–—]|and\b|or\b|each\b|every\b|daily\b|now\b|at\s+the\s+moment\b))|"
    r"(?:contact|personal)\s+details|"
    # ... what a prescription lists: "which stoma products are on your repeat prescription?"
    r"(?:(?<=what\s)|(?<=which\s))(?:[\w-]+\s+){0,2}?(?:are|is)\s+on\s+(?:your|ur|his|her|their)\s+(?:repeat\s+)?"
    r"p(?:re|er)scripti?ons?\b|"
    # ... which medicine worked for someone: "Which anxiety medication worked for you? Tell us in the comments".
    r"(?:(?:what|which)\s+|(?<=what\s)|(?<=which\s))(?:[\w-]+\s+){0,2}?(?:medications?|medicines?|meds|tablets|pills|antidepressants?|"
    r"inhalers?|treatments?)\s+(?:worked|helped)\s+(?:best\s+)?(?:for\s+)?(?:you|u|him|her|them|(?:your|ur)\s+\w+)\b|"
    # ... which device someone carries: "which adrenaline pen does your child carry?"
    r"(?:(?:what|which)\s+|(?<=what\s)|(?<=which\s))(?:[\w-]+\s+){0,2}?(?:pens?|auto-?injectors?|sensors?|pumps?|monitors?|meters?)\s+"
    r"(?:do|does|did)\s+(?:you|u|they|he|she|(?:your|ur)\s+\w+)\s+(?:carry|use|wear|have)\b|"
    # ... what someone reacts to: "Tell us which foods your little one reacts to".
    r"(?:(?:what|which)\s+|(?<=what\s)|(?<=which\s))(?:foods?|ingredients?|medicines?|things)\s+(?:you|u|he|she|they|(?:your|ur)\s+(?:little\s+)?"
    r"\w+(?:\s+one)?)\s+(?:reacts?|(?:is|are|'s|'re)\s+allergic)\s+to\b|"
    # ... their weight: "How much does Noah weigh now? Reply here".
    r"(?<=how\s)much\s+(?:do|does|did)\s+(?:you|u|he|she|they|(?:your|ur)\s+\w+|(?-i:[A-Z][a-z]+))\s+(?:currently\s+|now\s+)?"
    r"weigh\b|"
    # ... when someone had an operation: "Tell us the date of your operation", "the year you had your surgery".
    r"(?:date|day|year|month)\s+of\s+(?:your|ur|his|her|their)\s+(?:[\w-]+\s+)?(?:operation|surgery|op|procedure)\b|"
    r"(?<=the\s)(?:date|day|year|month)\s+(?:you|u|he|she|they)\s+had\s+(?:your|ur|his|her|their|the)\s+(?:[\w-]+\s+)?"
    r"(?:operation|surgery|op|procedure|\w+ectomy|\w+ostomy)\b|"
    r"(?<=when\s)did\s+(?:you|u|he|she|they)\s+have\s+(?:your|ur|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:operation|surgery|"
    r"op|procedure|injection|\w+ectomy|\w+ostomy)\b|"
    # ... a photo of someone's wound or skin, which shows their body and health: "pop a photo of the ulcer below".
    rf"{_COPY}(?:the|your|ur|his|her|their)\s+(?:[\w-]+\s+)?(?:ulcers?|wounds?|rash|moles?|lumps?|burns?|bites?|scars?|"
    r"stoma|injur(?:y|ies)|bruises?|swelling|sores?|skin)\b|"
    # ... their body's measurements: "Reply with your ankle and calf measurements".
    rf"{_SOMEONES}(?:(?:ankle|calf|leg|arm|waist|chest|hip|head|thigh|body|bra)\s+(?:and\s+(?:ankle|calf|leg|arm|waist|"
    r"chest|hip|thigh)\s+)?)?measurements\b|"
    # ... a history of their care: "share your PSA history".
    rf"{_SOMEONES}(?:PSA|family|smear|screening|surgical|cancer|mental\s+health|sexual|drinking|smoking|treatment)\s+"
    r"history\b|"
    # ... what a test of someone's said: "What did the CT scan report say? Let us know in the comments".
    r"(?<=what\s)did\s+(?:the|your|ur|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:scan|report|results?|test|biopsy|x-?ray)\s+"
    r"(?:report\s+)?(?:say|show)\b|"
    # ... a chart or diary someone keeps of their body: "reply with your output chart for the last three days".
    rf"{_SOMEONES}(?:output|fluid|food|symptom|bladder|bowel|sleep|seizure|pain|headache|BP|blood\s+pressure|sugar)\s+"
    r"(?:charts?|diar(?:y|ies)|logs?)\b|"
    # ("share the sleep diary you've been keeping")
    r"(?<=the\s)(?:[\w-]+\s+)?(?:diary|chart|log)\s+(?:you|u|he|she|they)(?:'ve|\s+have|'s|\s+has)\s+been\s+"
    r"(?:keeping|filling\s+in)\b|"
    # ... someone's scan pictures: "Share your 20-week scan pictures in the comments".
    rf"{_SOMEONES}(?:[\w-]+\s+){{0,2}}?scan\s+(?:pictures?|photos?|pics?|images?)\b|"
    # ... or the number a named one should use: "Which number should the stoma nurse text the new clinic time to?"
    r"(?:(?<=what\s)|(?<=which\s))(?:phone\s+|mobile\s+)?number\s+should\s+(?:we|I|they|he|she|the\s+[\w-]+(?:\s+[\w-]+)?)\s+"
    r"(?:text|ring|call|phone|use)\b|"
    # An account's name, which reaches its owner as an e-mail address does (the policy's "other online contact
    # details"): "Drop your Snapchat username below", "your Insta handle" (not "our Instagram name").
    # (A game's too, and someone's of the reader's: "Drop your son's Roblox username below", "What's her Discord
    # handle?", "their gamertag".)
    rf"{_SOMEONES}(?:[\w-]+'s\s+)?(?:(?:{_ACCOUNTS})\s+(?:user\s?names?|handles?|names?|IDs?)|(?:[\w-]+\s+){{0,2}}?user\s?names?|"
    r"handles?(?!\s+(?:on|of|the|it|this|that|with)\b)|gamer\s?tags?)\b|"
    # A test's result in words: "Drop your latest PSA reading in the comments", "your peak flow readings".
    rf"{_SOMEONES}(?:(?:latest|last|most\s+recent|current|recent)\s+)?"
    r"(?:PSA|HbA1c|blood\s+pressure|BP|blood\s+sugar|sugar|glucose|cholesterol|peak\s+flow|eGFR|oxygen|sats|INR|thyroid|TSH|"
    r"ferritin|iron|B12|vitamin\s+D|BMI|AMH|AHI|semen\s+analysis|sperm\s+count|sleep\s+study|PHQ-?9|GAD-?7|IGRA|"
    r"Mantoux|CD4|viral\s+load|liver\s+function|LFT|hep(?:atitis)?\s+[BC]|HIV|TB|STI|chlamydia|smear|biopsy|scan|CA-?125|"
    r"Hb|ha?emoglobin|ABPI|ketones?)\s+"
    r"(?:readings?|results?|levels?|scores?|numbers?|figures)\b|"
    # ... or by its name alone where the phrase ends: "Comment below with your latest HbA1c".
    rf"{_SOMEONES}(?:(?:latest|last|most\s+recent|current|recent)\s+)?(?:HbA1c|PSA|eGFR|INR|TSH|AMH|AHI|CA-?125|ABPI|"
    r"PHQ-?9|GAD-?7)(?=\s*(?:[^\w\s-]|$|(?:and|or|below|here|in|so|please)\b))|"
    # ... asked as a question: "What was your AHI on the sleep study?"
    r"(?:(?<=what\s)|(?<=what's\s)|(?<=what\swas\s)|(?<=what\sis\s)|(?<=what\swere\s)|(?<=what\sare\s))"
    r"(?:your|ur|his|her|their)\s+(?:latest\s+|last\s+)?"
    r"(?:AHI|AMH|PSA|HbA1c|eGFR|INR|TSH|BMI|CA-?125|ABPI|PHQ-?9|GAD-?7|ketones?|sperm\s+count|viral\s+load|"
    r"CD4(?:\s+count)?)\b|"
    # ... a treatment's settings: "What pressure is your CPAP set to?"
    r"(?:(?<=what\s)|(?<=which\s))(?:pressure|settings?|flow\s+rate)\s+(?:is|are)\s+(?:your|ur|his|her|their)\s+"
    r"(?:CPAP|machine|pump|ventilator|oxygen|concentrator)\s+(?:set\s+(?:to|at|on)|on)\b|"
    # ... a date of someone's cycle: "Pop the first day of your last period below".
    r"(?:(?:the\s+)?(?:first\s+)?(?:day|date)\s+of\s+)?(?:your|ur|her|their)\s+last\s+period\b|"
    # ... or counted: "Pop your last three readings in the comments".
    rf"{_SOMEONES}(?:latest|last|most\s+recent|recent)\s+"
    r"(?:(?:few|two|three|four|five|six|seven|\d)\s+)?(?:(?:INR|BP|blood\s+pressure|sugar|glucose|peak\s+flow|oxygen|sats)\s+)?"
    r"readings\b|"
    # ... or one: "Had your blood pressure checked at a pharmacy? Tell us your reading in the comments!" (not "your
    # reading list").
    rf"{_SOMEONES}(?:latest\s+|last\s+|new\s+)?reading\b(?!\s+(?:list|glasses|group|age|level|challenge|corner|room|"
    r"time|skills?|habits?|books?|material|week))|"
    # ... or by what they measure: "type his oxygen and pulse readings into a reply".
    rf"{_SOMEONES}(?:(?:INR|BP|blood\s+pressure|sugar|glucose|peak\s+flow|oxygen|pulse|sats|temperature|heart\s+rate)\s+"
    r"(?:and\s+|&\s+)?){1,3}readings\b|"
    # ... and the date of someone's operation: "Comment with your surgery date".
    rf"{_SOMEONES}(?:surgery|operation|op)\s+date\b|"
    # A picture of a document that carries them: "a photo of your appointment letter", "screenshot your prescription".
    # (Spelled as people type it: "a pic of ur perscription".)
    # (Or a side of it, by any verb that copies it: "snap the front of your exemption certificate".)
    # (A selfie holding it too: "a selfie holding your ID card".)
    r"(?:(?:photo|picture|pic|screenshot|scan|copy)s?\s+of\s+|(?:screenshot|snap|photograph|photocopy|scan)\s+|"
    r"selfies?\s+(?:with|holding|showing)\s+)(?:(?:the|a)\s+(?:front|back|top|inside|(?:[\w-]+\s+)?page|"
    r"(?:[\w-]+\s+)?side)\s+(?:of|in|from)\s+)?"
    # (Not a greeting card, which carries no one's record: "a photo of your birthday card".)
    # (Someone of the reader's too: "a pic of your son's vaccination record".)
    # (Named in two words too: "a screenshot of your NHS App record".)
    r"(?:your|ur|their|the\s+patient'?s)\s+(?:\w+'s\s+)?(?!(?:\w+\s+)?(?:birthday|christmas|xmas|valentines?|valentine's|"
    r"anniversary|wedding|leaving|retirement|greetings?|sympathy|condolence|thank-you|thankyou)\s+cards?\b)(?:[\w-]+\s+){0,2}?"
    r"(?:letters?|p(?:re|er)scripti?ons?|cards?|records?|results?|referrals?|notes|passport|licen[cs]e|(?:blue\s+)?badge|"
    # (A certificate by what it is for, not a course's: "your exemption certificate", "your HC2 cert"; not "Finished
    # our course? Share a photo of your certificate below".)
    r"(?:bus\s+)?pass|ID|bills?|payslips?|(?<!\byour\s)(?<!\bur\s)(?<!\btheir\s)(?:certificates?|certs?)|"
    r"(?:hospital\s+)?wristbands?|red\s+book|(?:discharge|care|clinic|GP)\s+summar(?:y|ies)|"
    r"audiograms?|x-?rays?|ECGs?|(?:[\w-]+\s+)?(?:reports?|readings?|graphs?)|slips?|(?:pregnancy|positive|lateral\s+flow|"
    r"covid|LFT)\s+tests?|"
    # (A certificate by its initials, "your CVI (certificate of vision impairment)"; a form by up to three words,
    # "your pregnancy prevention acknowledgement form".)
    r"CVI|(?:[\w-]+\s+)?(?:consent|acknowledge?ment|registration|referral|claim|application|assessment|admission|"
    r"medical|health|exemption|HC\d|FP\d+)\s+forms?|"
    rf"{_HEALTH_PAPERS}|{_COURT_ORDERS}|"
    # ("Screenshot your e-Referral booking email": a message about the reader's care.)
    r"(?:booking|appointment|referral|results?)\s+(?:e-?mails?|texts?|messages?)|"
    rf"{_CARE_PLANS})|"
    # ... and someone's health record by "his" or "her": "a photo of his prescription", "her hospital passport" (not
    # "her certificate", which may be a prize's).
    rf"{_COPY}(?:(?:the|a)\s+(?:front|back|inside|first\s+page|last\s+page|(?:[\w-]+\s+)?page|side)\s+(?:of|in|from)\s+)?(?:his|her)\s+"
    rf"(?:\w+\s+){{0,2}}?(?:p(?:re|er)scripti?ons?|records?|results?|referrals?|notes|passport|red\s+book|printouts?|"
    rf"{_CARE_PLANS})\b|"
    # ... and the slip that comes with a repeat: "Snap the repeat slip from your last prescription".
    rf"{_COPY}(?:the|your|ur|that|this)\s+repeat\s+(?:prescription\s+)?slips?\b|"
    # ... and a prescription whoever's it is: each carries a patient's name, address and date of birth ("post a pic of
    # the prescription here"; not "the letter", which may be anyone's).
    r"(?:(?:photo|picture|pic|screenshot|scan|copy)s?\s+of\s+|screenshot\s+)(?:the|that|this)\s+(?:\w+\s+)?p(?:re|er)scripti?ons?"
    r"(?!\s+(?:bags?|services?|teams?|deliver\w*|charges?|costs?|prices?|forms?|apps?|counters?|queues?|hubs?)\b)|"
    # ... and a letter about someone's care, whoever's it is: it carries the patient's name, date of birth and NHS
    # number ("post a photo of the discharge letter here"; not "the letter", nor "the open letter").
    r"(?:(?:photo|picture|pic|screenshot|scan|copy)s?\s+of\s+|screenshot\s+)(?:the|that|this|his|her)\s+(?:discharge|"
    r"appointment|referral|clinic|hospital|outpatients?|results?|screening|invitation|booking|vaccination|GP)\s+letters?\b|"
    # ... or by who sent it: "post a photo of the letter from the orthodontic department here".
    r"(?:(?:photo|picture|pic|screenshot|scan|copy)s?\s+of\s+|screenshot\s+)(?:the|that|this)\s+letters?\s+(?:from|by)\s+"
    r"(?:the|your|his|her)\s+(?:[\w-]+\s+){0,2}?(?:department|hospital|clinic|team|consultant|specialist|GP|dentist|practice|"
    r"surgery)\b|"
    # ... or by what it does about someone's care: "a photo of the letter cancelling your operation".
    r"(?:(?:photo|picture|pic|screenshot|scan|copy)s?\s+of\s+|screenshot\s+)(?:the|that|this)\s+letters?\s+(?:cancelling|"
    r"confirming|changing|moving|offering|about)\s+(?:your|ur|his|her|their)\b|"
    # ... or sent the reader: "Could you post a photo of the letter PALS sent you here?"
    r"(?:(?:photo|picture|pic|screenshot|scan|copy)s?\s+of\s+|screenshot\s+)(?:the|that|this)\s+letters?\s+(?:that\s+)?"
    r"(?:[\w&'-]+\s+){1,3}?sent\s+(?:you|u|him|her|them)\b|"
    # ... and a legal document about someone, whoever's it is: "post a photo of the LPA below".
    # (A page of it too: "snap the front page of the care plan in the green folder".)
    rf"{_COPY}(?:the\s+(?:front|back|inside|(?:[\w-]+\s+)?page)\s+(?:of|in|from)\s+)?(?:the|that|this|his|her)\s+"
    r"(?:LPA|(?:lasting\s+)?power\s+of\s+attorney|(?:birth|death|marriage)\s+certificate|MCCD|passport|driving\s+licen[cs]e|"
    # (And papers about someone's health: "Send us a photo of the fit note here".)
    rf"{_HEALTH_PAPERS}|{_COURT_ORDERS}|{_CARE_PLANS}|(?:blood\s+test|test\s+request|pathology)\s+forms?|"
    r"(?:[\w-]+\s+)?consent\s+forms?|(?:[\w&-]+\s+)?(?:HIA|assessment|injury|discharge|referral|medical)\s+(?:forms?|sheets?)|"
    # (A scan's report: "Send a photo of the CT report below".)
    r"(?:CT|MRI|x-?ray|ultrasound|scan|pathology|biopsy)\s+(?:scan\s+)?reports?)\b|"
    # ... and the label a pharmacy sticks on a medicine, which carries the patient's name and address: "upload a pic of
    # the label on the box here" (not "the label on the jar"), or snapped itself: "Snap the pharmacy label on his
    # inhaler box".
    r"(?:(?:photo|picture|pic|screenshot|scan|copy|snap)s?\s+of\s+(?:the|your|ur|their|that|this)|(?:snap|photograph|"
    r"screenshot|scan)\s+(?:the|your|ur|their|his|her|that|this))\s+(?:(?:dispensing|pharmacy|chemist'?s?|prescription)\s+"
    r"label|label\s+on\s+(?:the|your|ur|his|her|their)\s+(?:[\w']+\s+)?(?:box|bottle|packet|pack|meds|medicines?|medication|"
    r"tablets|pills|inhalers?|capsules|tube))|"
    r"(?:full\s+)?names?\s+and\s+(?:address|date\s+of\s+birth|DOB))\b",
    re.IGNORECASE,
)
_EMOJI_CHAR = r"[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff]"  # an emoji typed for a word
# "address" is also a verb ("to address your concerns"): as data it follows "your", "their", "the patient's"...
# (Text-speak and Scots too: "Whats ur address hun?", "yer address".)
_POSSESSIVE = LazyPattern(
    r"\b(?:your|ur|yer|their|his|her|the patient'?s|their child'?s|your child'?s)\s+"
    # (An emoji for the word between: "your 📧 address", "ur 🏠 address"; or someone of the reader's: "your mum's", "ur
    # little one's", "ur little ones".)
    rf"(?:(?:(?:little|wee|lil|eldest|youngest|oldest|baby|new)\s+)?(?:\w+(?:'s)?|{_EMOJI_CHAR}\ufe0f?)\s+)?$",
    re.I,
)
# ... or, after "the", where someone lives or what was sent to them: "the address the ambulance was sent to", "the
# address you live at" (not "the address of the new hub").
_THE = LazyPattern(r"\bthe\s+$", re.IGNORECASE)
# ... or, asked of the reader, the one they have moved to: "Let us know the new address in the comments" (not "the new
# address of the hub").
_THE_NEW = LazyPattern(r"\bthe\s+new\s+$", re.IGNORECASE)
_OF_A_PLACE = LazyPattern(r"\s+(?:of|for)\b", re.IGNORECASE)
_SOMEONES_ADDRESS = LazyPattern(
    # ("Can you confirm the address we have for your mum": the one on record.)
    r"\s+we\s+have\s+(?:down\s+)?(?:for|on)\s+(?:you|u|him|her|them|(?:your|ur)\s+[\w'-]+)|"
    r"\s+(?:that\s+|which\s+)?(?:(?:you|they|he|she|we|your\s+\w+)\s+(?:live|lives|lived|stay|stays|stayed)\b|"
    # ("Can you confirm the address you're at now": where someone is.)
    r"(?:you're|you\s+are|they're|they\s+are|he's|she's)\s+(?:(?:living|staying)\s+)?at\b|"
    # ("What's the address they should have gone to?": where a delivery should have gone.)
    r"(?:[\w']+\s+){1,3}?(?:(?:was|were|is|are|got|gets|get)\s+(?:sent|delivered|posted|called|taken)|went|came|"
    r"(?:should|were\s+meant\s+to|was\s+meant\s+to)\s+(?:have\s+)?(?:gone|go|been\s+(?:sent|delivered|posted)))\s+to\b|"
    # ... or the one the service holds for the reader: "confirm the address we have for you".
    r"(?:that\s+)?(?:we|the\s+practice|the\s+surgery)\s+(?:have|hold|has|holds|'ve\s+got)\s+(?:for|on)\s+(?:you|u|file|record)\b|"
    # ... or the one the reader wants a thing sent to: "the address you'd like it posted to".
    r"(?:that\s+)?(?:you'd|you\s+would|you\s+want|u'd)\s+(?:like\s+)?(?:it|them|(?:the|your)\s+(?:[\w-]+\s+){0,3}?[\w-]+)\s+"
    r"(?:sent|posted|delivered)\s+to\b|"
    # ... or to be collected from: "the address you'd like the driver to collect you from".
    r"(?:that\s+)?(?:you'd|you\s+would|you\s+want|u'd)\s+(?:like\s+)?(?:us|the\s+[\w-]+|them|him|her)\s+to\s+"
    r"(?:collect|pick)\s+(?:you|u|him|her|them)\s+(?:up\s+)?from\b|"
    # ... or the one someone was to visit: "What's the address she was meant to visit?"
    r"(?:that\s+)?(?:he|she|they|the\s+\w+)\s+(?:was|were)\s+(?:meant|supposed|due)\s+to\s+(?:visit|come\s+to|go\s+to)\b)",
    re.IGNORECASE,
)


_GOOD_FOR_SENDING = LazyPattern(rf"(?<=\b(?:good|best)\s)address(?={_SENT_TO}|{_IT_SENT_TO})", re.IGNORECASE)


def _address_is_data(text: str, data: re.Match[str]) -> bool:
    """Whether "address" names someone's address, not the verb ("to address your concerns") or a place's."""
    start = max(0, data.start() - _LOOK_BACK)
    return bool(
        _GOOD_FOR_SENDING.match(text, data.start())
        or _POSSESSIVE.search(text, start, data.start())
        or (_THE.search(text, start, data.start()) and _SOMEONES_ADDRESS.match(text, data.end()))
        or (_THE_NEW.search(text, start, data.start()) and not _OF_A_PLACE.match(text, data.end()))
        or _WHERE_YOU_STAY.match(text, data.end())
    )


# The address someone is at, asked: "Which address are you staying at tonight?", "the address where you're staying"
# (not "Which address is the clinic at?").
_WHERE_YOU_STAY = LazyPattern(
    r"\s+(?:(?:where|that)\s+)?(?:(?:are|were|is|was|do|did|does)\s+(?:you|u|he|she|they|(?:your|his|her|their)\s+\w+)|"
    r"you're|they're|he's|she's)\s+(?:\w+\s+)?(?:staying|living|live|lives|sleeping|stopping|based|registered)\b|"
    # ... or where someone should come: "Which address should the nurse come to? Reply here", "What's the address she
    # should come to?".
    r"\s+(?:should|shall|can|will)\s+(?:we|they|he|she|the\s+\w+)\s+(?:come|go|(?:send|post|bring|deliver)\s+(?:it|them|"
    r"the\s+new\s+one))"
    r"\s+to\b|"
    r"\s+(?:that\s+)?(?:we|they|he|she|the\s+\w+)\s+(?:should|shall|can|will)\s+(?:come|go)\s+to\b|"
    # ... or where a thing for the reader should go: "We can post you a copy. What address should it go to?", "We'd love
    # to send you a pack. Which address is best?" (the question ending there: not "... is best for complaints?").
    r"(?:'s|\s+is|\s+would\s+be)\s+(?:best|easiest)(?:\s+to\s+(?:send|post)\s+(?:it|them)\s+to)?\s*\?|"
    r"\s+(?:should|shall)\s+(?:it|they|this|these)\s+(?:go|be\s+(?:sent|posted|delivered))\s+to\b|"
    # ("Just let us know which address you'd like it posted to.")
    r"\s+(?:you'd|you\s+would|you)\s+(?:like|want|prefer)\s+(?:it|them|this|that|the\s+\w+)\s+(?:posted|sent|delivered)"
    r"(?:\s+out)?\s+to\b|"
    # ... or the one someone is at: "Which address are you at now?" (not "Which address is the clinic at?").
    r"\s+(?:are|is|were|was)\s+(?:you|u|he|she|they|(?:your|his|her|their)\s+\w+)\s+at\b|"
    # ... or where a thing for the reader went: "Which address did the hospital send it to?" (not "did you send it to").
    r"\s+did\s+(?:the\s+\w+|they|we|he|she)\s+(?:send|post|deliver)\s+(?:it|them|the\s+\w+|your\s+(?:[\w-]+\s+)?\w+)\s+to\b|"
    # ... or which is on the reader's letter: "Which address is on your appointment letter?"
    r"\s+(?:is|was)\s+on\s+(?:your|ur|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:letter|card|record|file|account|form)s?\b",
    re.IGNORECASE,
)


# "What you take" is someone's medicines only where its sentence is about medicines: "Quick poll for everyone on regular
# medication: reply with what you take" (not "Tell us what you take, and what you leave, from today's talk").
_MEDICINE_WORD = LazyPattern(r"\b(?:medic\w*|meds|tablets?|pills?|prescri\w+|inhalers?|doses?)\b", re.IGNORECASE)


# "your booking reference and email": a bare "email" or "mobile" listed after one of the reader's things is theirs.
_LISTED_AFTER_YOUR = LazyPattern(r"\b(?:your|ur|their)\s+(?:[\w-]+\s+){1,3}and\s+$", re.IGNORECASE)


# What "what" asks that is data whatever the sentence ("what date was she admitted", "what symptoms has he had");
# any other ("what you take") is data only in a sentence about medicines.
_WHAT_NAMES_DATA = (
    "what date",
    "what day",
    "what time",
    "what symptoms",
    "what school",
    "what nursery",
    "what pre",
    "what college",
)


def _means_data(text: str, data: re.Match[str]) -> bool:
    """Whether a PERSONAL_DATA match names personal data in its text: not "address" the verb, nor "what you take" in
    a sentence that names no medicine."""
    word = data.group().lower()
    if word in ("email", "e-mail", "mobile") and text[max(0, data.start() - 4) : data.start()].lower() == "and ":
        return bool(_LISTED_AFTER_YOUR.search(text, max(0, data.start() - 60), data.start()))
    if word.startswith("address"):
        return _address_is_data(text, data)
    if word.startswith("what") and not word.startswith(_WHAT_NAMES_DATA):
        return bool(_MEDICINE_WORD.search(text, max(0, data.start() - _LOOK_BACK), data.end() + _LOOK_BACK))
    return True


# A request is a giving verb whose object, a few words on, is the personal data: "reply with your NHS number",
# "send us your date of birth". "Please" or "can you" alone asks for nothing ("please bring your NHS number").
GIVING_VERB = LazyPattern(
    # "@ us with your postcode": a public mention.
    r"(?:^|(?<=\s))@(?=\s?(?:us|me)\b)|"
    # "don't forget your full name" asks for it, where the sentence names a public place (_WEAK_VERB).
    r"\b(?:don't|do\s+not)\s+forget(?=\s+(?:your|their|ur)\b)|"
    # ("Hit reply with your postcode": pressing the reply button is replying.)
    # ("jot down your DOB in the replies": a note's verb, asking only where its sentence names a public place.)
    r"\b(?:(?:write|jot|note)\s+down(?=\s+(?:your|their|ur|the)\b)|send|share|give(?!\s+(?:you|u)\b)|provide|tell\s+(?:us|me)|post|(?:(?:hit|press|tap|click)\s+)?reply|respond|comment|let\s+(?:us|me)\s+(?:know|have)|"
    # (The colloquial ones too: "whack your date of birth on the end of this thread", "bung us your postcode".)
    r"confirm|include|leave(?!\s+(?:out|off)\b)|pop|drop|put|write|type|add|stick|list|tag|whack|bung|chuck|shove|shoot|upload|"
    # (Scots: "Gie us yer postcode doon below"; "giz yer postcode below": give us.)
    r"gie|gies|giz|gizza|gimme|vote|"
    # ... and "quote-tweet this with your...", "ping us your address", "fill us in below: your name, DOB...".
    r"(?:quote[- ]?)?(?:tweet|post|repost)|quote\s+(?:this|our|the)\s+(?:post|tweet|thread)\b|ping|"
    # ("Answer in the comments along with your postcode"; not "answer a few questions about your symptoms" at 111.)
    r"fill\s+(?:us|me)\s+in|answer(?=\s+(?:in|below|here|underneath|with)\b)|"
    # "Mind sharing your mobile below?", "Mind jotting down your DOB here?": would you mind, with the verb's "-ing".
    r"(?<=mind\s)(?:sharing|posting|popping|dropping|putting|leaving|adding|giving|sending|sticking|writing|jotting|"
    r"noting|typing|including|listing|tagging|tweeting|commenting|replying|confirming|providing|whacking|bunging|"
    r"pinging))(?![\w'-])",
    re.IGNORECASE,
)
# "Don't forget your full name" asks only where its sentence names a public place: "Share your story in the comments -
# and don't forget your full name" (not "Don't forget your NHS number when you come for your jab").
# So do "write down" and "jot down", which keep a note as often as they post one: "Jot down the medication you're
# taking in the comments" (not "Write down your NHS number and keep it in your purse").
_WEAK_VERB = LazyPattern(r"(?:don't|do\s+not)\s+forget|(?:write|jot|note)\s+down", re.IGNORECASE)
# "What's your date of birth?", or "what" as the data's own determiner, opening its question: "What date of birth is it
# under?" (not "Not sure what date of birth to use?"). (Counts in replies only.) Text-speak drops the apostrophe or
# spells it as said: "whats ur mobile?", "wots ur postcode?".
QUESTION = LazyPattern(
    # ("When were you born?", asked wherever the question falls: "How old are you and when were you born?")
    rf"\bwhen(?=\s+{_BORN_WHEN}|\s+did\s+(?:you|u|he|she|they)\s+have\s+(?:your|ur|his|her|their|the)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:operation|surgery|op|procedure|injection|\w+ectomy|\w+ostomy)\b)|"
    r"\bhow(?=\s+much\s+(?:do|does|did)\s+(?:you|u|he|she|they|(?:your|ur)\s+\w+|(?-i:[A-Z][a-z]+))\s+(?:currently\s+|now\s+)?"
    r"weigh\b)|"
    r"\bwhat(?=\s+did\s+(?:the|your|ur|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:scan|report|results?|test|biopsy|x-?ray)\s+"
    r"(?:report\s+)?(?:say|show)\b)|"
    rf"\bwhen(?='s\s+{_DUE}|\s+(?:is|was)\s+{_DUE})|\b(?:what|which)(?=\s+(?:hospital|day|date)\s+{_BORN_WHEN})|"
    r"\b(?:what(?:'?s|\s+is|\s+are|\s+was)|wot'?s)(?!\w)|(?:^\s*|(?<=[,:;]\s)|(?<=\s[-–—]\s)|(?<=,\sand\s))(?:"
    # ("Which number's best to reach you on?", and "What name and date of birth was it recorded under?", a name listed
    # first.)
    r"(?:what|which)(?=\s+(?:phone\s+|mobile\s+)?number(?:'s|\s+is|\s+would\s+be)\s+(?:best|easiest)\b|"
    r"\s+(?:phone\s+|mobile\s+)?number\s+did\s+(?:you|u|they|he|she)\s+(?:book|register|sign|give)|"
    r"\s+(?:phone\s+|mobile\s+)?number\s+should\s+(?:we|I|they|he|she|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:text|ring|call|phone)|"
    r"\s+(?:full\s+)?name\s+(?:was|is|were)\s+(?:[^?.!]{0,40}?\bunder\b|on\s+(?:the|your|his|her)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:form|letter|booking|referral|card|prescription|label|record)s?\b)|"
    r"\s+(?:(?:full\s+)?name\s+and\s+)?(?:date\s+of\s+birth|DOB|post\s?code|(?:home\s+)?address|(?:phone|mobile|contact|NHS|hospital)\s+number|"
    r"e-?mail\s+address|year\s+(?:were|was)\s+(?:you|u|he|she)\s+born|(?:street|road)\s+(?:do|does|did|are|is|were|was))\b)|"
    # ("What medication are you on at the moment?", "which inhaler are you using?": "what" or "which" as a medicine's
    # determiner, opening its question; PERSONAL_DATA reads on only where the medicine is someone's.)
    # ("Which ADHD medication is he on?", "What other medicines are you on?": a word or two before the medicine.)
    r"(?:what|which)(?=\s+(?:[\w-]+\s+){0,2}?(?:medications?|medicines?|meds|tablets|pills?|inhalers?|antidepressants?|"
    r"antibiotics?|painkillers?|laxatives?|supplements?|vitamins?|HRT|insulin|statins?|brand|dose|strength|pens?|"
    r"auto-?injectors?|foods?)\b|"
    r"\s+(?:symptoms|school|nursery|pre-?school|college)\b)|"
    # ("Where should we send the new one?", "Where should she send it?", "When was she discharged?": the question is the
    # data's own words.)
    r"(?=where\s+(?:should|shall|can)\s+(?:we|I|she|he)\s+(?:send|post)\b))|"
    r"\b(?=(?:when|what\s+(?:date|day))\s+(?:was|were)\s+(?:you|u|she|he|they|(?:your|ur|his|her|their)\s+[\w'-]+)\s+"
    r"(?:admitted|discharged|sent\s+home)\b)",
    re.IGNORECASE,
)
# A question that asks what such data is, not the reader's: "What's an NHS number and where do I find it?"
_ASKS_NOTHING = LazyPattern(r"\s*an?\s+$", re.IGNORECASE)
# ... nor one that asks a place's: "What's the postcode for the new hub?" (not "What's the postcode on your letter?").
_THE_GAP = LazyPattern(r"\s*the\s+$", re.IGNORECASE)
# (A place named with a capital, too: "What's the postcode for Basildon hub?"; not "for your house".)
_PLACES_OWN = LazyPattern(r"\s+(?:for|of|at)\s+(?:(?:the|our|a|an|this|that)\b|(?-i:[A-Z])\w+(?!'s)\b)", re.IGNORECASE)
# The data as the subject of a rhetorical question: "What's your home address got to do with it?"
_RHETORICAL = LazyPattern(r"\s+(?:got|has|have|had)\s+(?:got\s+|anything\s+)?to\s+do\s+with\b", re.IGNORECASE)
_MAX_GAP_WORDS = 5
# "Send over a quick comment here with your home address": the verb's object is a comment written in public, which
# carries the data; such a gap may run longer.
_PUBLIC_OBJECT_GAP = LazyPattern(
    r"^\s*(?:(?:over|across|us|me)\s+)*(?:an?\s+)?(?:\w+\s+)?(?:comment|reply|response|note|tweet)\s+"
    r"(?:below|underneath|here|on\s+(?:this|our)\s+(?:post|tweet|thread))\s+with\s+(?:your|their|ur)?\s*$|"
    # ... or the verb replies to a post or comment of this thread: "Reply to the last post in this thread with".
    r"^\s*to\s+(?:this|the|our)\s+(?:\w+\s+)?(?:post|tweet|comment|reply)(?:\s+(?:in|on|of|under)\s+(?:this|our|the)\s+"
    r"(?:thread|post|tweet))?\s+with\s+(?:your|their|ur)?\s*$",
    re.IGNORECASE,
)
_MAX_PUBLIC_OBJECT_GAP_WORDS = 10
_DASH_BEFORE = LazyPattern(r"\s[-–—]\s+(?:your\s+|their\s+)?(?:[\w']+(?:\s+[\w']+)?(?:,\s*|\s+and\s+|\s*&\s*)){0,3}$")
_DASH_AFTER = LazyPattern(r"\s+[-–—]\s")
# (Or a second question the verb asks: "Let us know which ward he was on and what year he was born".)
# ("... and your relative's room number": someone of the reader's between; "... and any allergies you have".)
_AND_YOUR = LazyPattern(
    r"\band\s+(?:(?:your|their|his|her|ur)\s+(?:[\w-]+'s\s+)?|(?:what|which|any)\s+)$", re.IGNORECASE
)
# ("Comment with your age, postcode and which antibiotics": a later item of a list after "your", commas between.)
_LATER_IN_LIST = LazyPattern(
    # ("tell us their age, club and date of birth": the last after "and".)
    r"\b(?:your|their|ur)\s+(?:[\w-]+\s+)?[\w-]+(?:(?:,\s*[\w-]+(?:\s+[\w-]+)?)*,\s*|(?:,\s*[\w-]+(?:\s+[\w-]+)?)+,?\s+and\s+)"
    r"(?:(?:your|their|ur)\s+)?$",
    re.IGNORECASE,
)
# ("... and the date he was discharged", "... and when he was discharged": a date of someone's care, its own question.)
_AND = LazyPattern(r"\band\s+$", re.IGNORECASE)
_WHEN_CARED_FOR = LazyPattern(r"(?:when|the\s+(?:date|day))\s", re.IGNORECASE)
# ("share your memories in the comments along with your full name": "along with", "together with", "as well as" join a
# second object more plainly than "and", and may follow a longer first.)
# (Or set off by commas: "Tell us in the comments, with your age and postcode, so we can see".)
_ALONG_WITH = LazyPattern(
    r"(?:\b(?:along\s+with|together\s+with|as\s+well\s+as)|,\s*with)\s+(?:your|their)\s+"
    r"(?:[\w-]+\s+(?:and|&)\s+(?:your\s+|their\s+)?)?$",  # ("as well as your age and postcode")
    re.IGNORECASE,
)
_MAX_ALONG_WITH_GAP_WORDS = 16
# "Share a screenshot of the text, including your name and DOB, here": the data as what the verb's object carries.
_INCLUDING_YOUR = LazyPattern(r",\s+(?:including|showing)\s+(?:your|their)\s+$", re.IGNORECASE)
# "Post a photo of your little one's picture with their first name, age and school": the data as what the verb's
# object, a photo or copy, carries.
_CARRIES_IT = LazyPattern(
    r"\b(?:photo|picture|pic|screenshot|scan|copy|video|drawing)s?\s+of\s+(?:[\w']+\s+){1,4}?(?:with|showing|including)\s+"
    r"(?:your|their)\s+(?:\w+'s\s+)?$",
    re.IGNORECASE,
)
# The data's own determiner is part of it, not of the gap: "give us a shout below with your mobile number".
_DETERMINER = LazyPattern(r"\s(?:your|their|ur|his|her)(?:\s+[\w-]+'s)?\s*$", re.IGNORECASE)  # ("your dad's" too)
# What ends the verb's clause before its object: "share our post so people know their NHS number".
CLAUSE_BREAK = LazyPattern(
    r"[.,;!?()\"“”…]|\b(?:so|that|because|if|when|while|since|unless|until|once|then|but|which|who|where|whether)\b|"
    r"\bto\s+(?!(?:us|me|this|the|our|it)\b)\w",  # "to find ...", but not "reply to us with"
    re.IGNORECASE,
)
# "your name, date of birth and ...", "your surname, postcode and ...": a list, not a clause break.
_LISTED_NAME = LazyPattern(r"\b(?:(?:full|first|last)\s+)?(?:sur)?names?\s*,", re.IGNORECASE)
# ... nor is a one-word keyword in quotation marks, nor the options to reply with: 'Comment "TOOLKIT" with your work
# email', "Reply 1, 2 or 3 with your date of birth".
_KEYWORD = LazyPattern(
    r"[\"“][^\"“”\s]{1,20}[\"”]|\b\d{1,2}(?:\s*,\s*\d{1,2})*,?\s+(?:or|and)\s+\d{1,2}\b|"
    r"\b[A-E](?:\s*,\s*[A-E])*,?\s+(?:or|and)\s+[A-E]\b"  # ("Reply A, B or C with ...")
)
# "No need to", "needn't", "don't have to": where a writer waives something.
_NO_NEED_TO = r"(?:no\s+need|needn'?t|(?:don'?t|do\s+not)\s+(?:need|have))\s+to"  # (text-speak drops the apostrophe)
# Where a verb stands in its clause: the clause starts after punctuation or a conjunction.
# (A channel waived ends a clause though no mark follows: "No need to DM just reply here with your NHS number".)
_CLAUSE_START = LazyPattern(
    # (Text-speak's "n" and "&" are "and": "screenshot it n post it below", "screenshot that & pop it below".)
    r"[,;:()—–]|\s-\s|(?<=\s)[n&](?=\s)|\b(?:and|or|but|so|then|if|when|once|rather\s+than|instead\s+of|"
    rf"{_NO_NEED_TO}\s+(?:DM|PM|message|e-?mail|inbox)(?:\s+(?:us|me))?)\b",
    re.I,
)
_FILLER = LazyPattern(r"\b(?:please|pls|kindly|just|simply|also|now|first)\b", re.IGNORECASE)
_SYMBOLS = LazyPattern(r"[^\w\s'@-]")
# The verb asks the reader when it opens its clause, or follows "you" ("can you", "we need you to").
_ASKS_LEAD = LazyPattern(
    # "Can everyone who's waiting for a callback comment their name...": everyone is the reader too.
    r"(?:^|\b(?:you|u)(?:\s+[\w']+){0,3}|\byou're\s+(?:welcome|free|invited)\s+to|\b(?:everyone|anyone|everybody|anybody)(?:\s+[\w']+){0,6}|"
    r"\b(?:free|remember|forget|sure)\s+to|"
    # "Could your mum share her date of birth in the comments?": someone of the reader's, asked through the reader.
    r"^(?:can|could|would|will)\s+your\s+(?:\w+\s+)?\w+|"
    # "Mind popping your email address in a reply?": would you mind, with "would you" left unsaid.
    r"^mind|"
    # "to win a family pass to the fun day just reply with...": what the reader may win or join, before the order with
    # no comma, as a run-on sentence has it (a few words, none of them relative: not "to win ... that staff entered").
    r"^(?:in\s+order\s+)?to\s+(?:be\s+in\s+with\s+a\s+chance\s+(?:of|to)\s+)?(?:win|winning|enter|join|claim|bag|grab|"
    r"reserve|book|get|sign\s+up|register|apply|qualify|take\s+part)\b(?:\s+(?!(?:who|whom|which|that)\b)[\w'&-]+){0,8}|"
    # "it's quicker to post your date of birth here": the easier way offered is still a request.
    # ... also as a noun phrase: "Easiest thing is to reply with your mobile", "the quickest way would be to".
    r"\b(?:quicker|quickest|easier|easiest|faster|fastest|best|simplest|better)"
    r"(?:\s+(?:thing|way|option|bet)(?:\s+(?:is|would\s+be|will\s+be))?|\s+is)?\s+(?:just\s+)?to|"
    # ... or after "if" with no comma: "or if it's easier just reply here with your NHS number".
    r"^(?:it's|its|it\s+is|that's)\s+(?:easier|quicker|simpler)(?:\s+for\s+(?:you|u))?|"
    # ... or a request corrected: "DM us the details - sorry, I meant just pop his date of birth in the comments".
    r"\b(?:I|we)\s+meant(?:\s+to\s+say)?|"
    # ... or asked instead of a private channel, its clause opened by "rather than": "so rather than a DM just reply
    # here with your NHS number".
    r"^(?:an?\s+)?(?:DM|PM))$",
    re.IGNORECASE,
)
_NOUN_LEAD = LazyPattern(r"\b(?:a|an|the|this|that|our|your|my|their|his|her|its)$", re.IGNORECASE)  # "this post"
_NEGATED = LazyPattern(
    r"\b(?:don'?t|do\s+not|never|not|no\s+need\s+to|won'?t|will\s+not|shouldn'?t|should\s+not|mustn'?t|must\s+not)"
    r"(?:\s+(?:need|have)\s+to|\s+ever)?$",
    re.IGNORECASE,
)
_CALL = r"(?:call|ring|phone|telephone)(?:ing)?"  # a phone call's verb
# A private channel: a message, e-mail or phone call ("email address" and "phone number" are data, not channels).
PRIVATE_CHANNEL = LazyPattern(
    r"\b(?:DMs?|PMs?|direct(?:ly)?\s+messag\w*|private(?:ly)?\s+messag\w*|messag(?:e|ing)\s+(?:us|me)|"
    r"(?:send|drop|leave|give)\s+us\s+a\s+(?:private\s+|direct\s+|quick\s+)?(?:message|line|DM|PM)|inbox\w*|in\s+private|privately|"
    # ... or one the service has sent: "We've sent you a message - could you reply there with his date of birth?"
    r"(?:sent|dropped)\s+(?:you|u)\s+a\s+(?:private\s+|direct\s+|quick\s+)?(?:message|DM|PM)|"
    # (Not the data: "your email", "your work email", text-speak's "ur email".)
    # (Nor one listed after the reader's other data: "your booking reference and email", unless it is sent something:
    # "call and email us".)
    r"(?<!\byour\s)(?<!\byour\swork\s)(?<!\byour\shome\s)(?<!\byour\spersonal\s)(?<!\bur\s)(?<!\byer\s)"
    r"(?:(?<!\band\s)(?<!&\s)(?<!,\s)e-?mail(?:s|ed|ing)?|e-?mail(?:s|ed|ing)?(?=\s+(?:us|me|it|them|the|your|ur|to|our)\b))"
    r"(?!\s+address)|"
    rf"{_CALL}\s+(?:us|me|PALS|(?:NHS\s*)?111|119|the\s+\w+)|"
    r"give\s+us\s+a\s+(?:call|ring|bell)|contact\s+PALS|"
    # ... or the post: "Post it to us in the padded envelope ... with your name and address on the slip inside".
    # (Not the post as what is sent: "Free condoms by post! Reply with your address".)
    r"in\s+(?:the|an?|our|your)\s+(?:padded\s+|prepaid\s+|pre-paid\s+|freepost\s+|stamped\s+|addressed\s+|return\s+)?envelope)\b",
    re.IGNORECASE,
)
PUBLIC_PLACE = LazyPattern(
    r"\b(?:below|underneath|here|publicly|in\s+public|in\s+(?:the\s+|this\s+)?(?:comments?|replies|thread)|in\s+a\s+(?:comment|reply)|"
    # ("comments r fine", "the replies are fine": the place offered.)
    r"(?:the\s+)?(?:comments|replies)\s+(?:r|are)\s+(?:fine|ok|okay|great|perfect)|"
    # A live stream's chat (not a "live chat" or "web chat": a one-to-one service).
    r"in\s+the\s+chat|"
    # Typed into the comments ("type your NHS number into the comments"), left under a picture, written on the wall.
    r"into\s+(?:the\s+|this\s+)?(?:comments?|replies|thread|chat)|"
    # ... or added to them: "upload it to the comments".
    r"(?:upload|add|post|attach)\w*\s+(?:it|them)\s+to\s+(?:the\s+|this\s+)?(?:comments|replies|thread)|"
    r"(?:under|beneath|underneath|below)\s+(?:this|our|the)\s+(?:pic|photo|picture|video|reel)s?|on\s+(?:our|this|the)\s+wall|"
    r"in\s+(?:your\s+)?(?:next\s+)?(?:reply|response)|(?:on|under|beneath)\s+(?:this|our|the)\s+(?:post|tweet|thread|page|"
    r"comment|reply)|"
    # "post it under this - ...": this post, left unsaid where the clause ends.
    r"(?:under|beneath|underneath)\s+this(?=\s*(?:[-–—.,;:!?)]|$|and\b|so\b))|"
    # "Reply to this post": a reply to a public post is public.
    r"(?:reply|respond|replying|responding)\s+to\s+this\s+(?:post|tweet|thread|comment)|(?:hit|press|tap|click)\s+reply|"
    # A comment or a tweet is public whatever else the sentence names: "Comment with your GP surgery and NHS number".
    # ... also with a keyword: "Comment 'GUIDE' with your work email".
    r"(?:comment|tweet)\s+(?:'[^'\s]{1,20}'\s+|\"[^\"\s]{1,20}\"\s+)?(?:us\s+|me\s+)?(?:with|your|their))\b",
    re.IGNORECASE,
)
# Somewhere private that is not a message: the front desk, a form, the NHS App.
PRIVATE_PLACE = LazyPattern(
    # ... a desk named with a word or two after its article: "with the main reception desk", "at our Otley practice".
    # (A practice or surgery with its article: not "Return to Practice", a course.)
    # (Not where someone is registered: "Sorry you've had trouble registering with the practice"; nor where a referral
    # goes: "why your referral to the oral surgery team stalled".)
    r"(?<!\bregister\s)(?<!\bregistered\s)(?<!\bregistering\s)(?<!\bregisters\s)(?<!\breferral\s)(?<!\breferred\s)"
    r"\b(?:(?:with|at|to)\s+(?:(?:(?:the|our)\s+(?:[\w'-]+\s+){0,2}?)?(?:reception|receptionists?|front\s+desk)|"
    r"(?:the|our)\s+(?:[\w'-]+\s+){0,2}?(?:practice|surgery))|"
    r"(?:online|secure)\s+form|"
    # (Not a booking or an exam the person word describes: "help with your international nurse OSCE booking".)
    # ("give their details to your health adviser at your appointment": a clinician met in person.)
    r"to\s+(?:your|the)\s+(?:\w+\s+)?(?:adviser|advisor|GP|pharmacist|nurse|doctor|clinician|midwife|consultant)\s+at\s+"
    r"(?:your|the)\s+(?:\w+\s+)?(?:appointment|clinic|visit|check)|"
    # (Not an appointment someone was in: "while you were in with the nurse".)
    r"(?<!\bin\s)with\s+(?:your|the|our)\s+(?:\w+\s+)?(?:team|GP|practice|pharmacist|nurse|doctor|clinician|midwife|"
    r"consultant)"
    r"(?!\s+(?:OSCE|exam|booking|application|training|course|registration|revalidation|interview)s?\b)|"
    # (Or sent to one: "Upload a copy of your passport to the portal".)
    r"(?:on|via|through|using|into|in|to)\s+(?:our\s+|the\s+|this\s+)?(?:NHS\s+)?(?:website|site|web\s*form|form|portal|app|link)|"
    # ... a form named for what it is: "through the nomination form", "on our online booking form", "Add your name ...
    # to our secure booking form".
    # ("On the school immunisation consent form, write...": three words too.)
    r"(?:on|via|through|using|into|in|to|onto)\s+(?:our|the|this)\s+(?:[\w'-]+\s+){1,3}?form|"
    r"(?<!\bto\sbooking\s)(?<!\bfor\sbooking\s)(?<!\babout\sbooking\s)online|"  # (not "our guide to booking online")
    # A page of a website, named: "into the NHS 'Find a vaccination site' page" (the quoted name is blanked).
    r"(?:on|via|through|using|into|in)\s+(?:the\s+|our\s+)?(?:NHS(?:\.uk)?|website's|web)\s+(?:[\w']+\s+){0,4}?"
    r"(?:page|tool|checker|finder|search)|"
    # ... or named by its site: "the 'Find a pharmacy' page on nhs.uk", "on the NHS website".
    r"(?:page|tool|checker|finder|search)\s+on\s+(?:the\s+)?(?:NHS|nhs\.uk|our\s+website)|on\s+(?:www\.)?nhs\.uk|"
    # ... or by its link, an NHS or government site's: "by putting your postcode into https://www.nhs.uk/service-search"
    # (not "the open sign-up sheet at https://docs.google.com/...", which everyone can see).
    r"(?:on|via|through|using|into|in|at)\s+(?:https?://)?(?:www\.)?(?:[\w-]+\.)*(?:nhs\.uk|nhs\.net|gov\.uk|nhs\.scot|"
    r"nhs\.wales|hscni\.net)|"
    r"NHS\s+Jobs|by\s+(?:phone|letter)|securely|NHS\s+App)\b",
    re.IGNORECASE,
)
# A channel named only to be waived: "no need to DM us", "rather than messaging us", "don't message us privately".
_WAIVED = LazyPattern(
    r"(?:\bno\s+need\s+to|\b(?:don't|do\s+not)\s+(?:need|have)\s+to|\brather\s+than|\binstead\s+of|\bwithout|"
    # "Don't bother with a private message - ...", "Forget DMing us", "Skip the DMs".
    r"\b(?:don't|do\s+not)\s+bother(?:\s+with)?|(?:^|(?<=[.!?:;]\s))(?:skip|forget(?:\s+about)?))"
    r"(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)
# ... also where there is no need to write it there: "there's no need to share it here", or it is ruled out: "send it
# by DM rather than here", "Rather than posting your NHS number here, please DM us" (six words at most between, with
# no channel among them, so a waived DM stays waived: "No need to DM just reply here", "rather than DM post it here",
# and no word that starts an order: "No need to wait in the queue just reply here").
_NOT_HERE = LazyPattern(
    # ("we can't look at individual prescriptions on here": what the service cannot do there.)
    r"\b(?:(?:not|never|don't|do\s+not)(?:\s+\w+){0,3}|(?:can't|cannot|won't)(?:\s+\w+){0,5}|"
    rf"(?:{_NO_NEED_TO}|rather\s+than|instead\s+of)"
    r"(?:\s+(?!(?:DMs?|PMs?|messag\w*|e-?mail\w*|inbox\w*|call\w*|ring\w*|phon\w*|just|please|pls|simply|then|so)\b)"
    r"\w+){0,6})\s*$",
    re.IGNORECASE,
)
# Sentences end at . ! ? before a space (not inside an e-mail address, link or number) or at a line break.
SENTENCE = LazyPattern(r"(?:[^.!?\n]|[.!?](?=[^\s.!?]))+[.!?]*")


# What a thing must include is no order to the reader, its verbs joined by "and": "An FOI request has to be in writing
# and include your name" (the reader is asked nothing in the reply).
_A_THING_MUST = LazyPattern(
    r"^\W*(?:an?|the|each|every|any|all|this|that)\s+(?:[\w'-]+\s+){0,3}?(?:must|has\s+to|have\s+to|needs?\s+to|should)\s+"
    r"[^.!?;]*\band\s+(?:also\s+)?$",
    re.IGNORECASE,
)
# A statement about a request is not one: "we will never ask you to reply with...", "fraudsters may ask you to".
# (Text-speak's "u" is the reader too: "we'd never ask u to post ur date of birth on here".)
_ABOUT_ASKING = LazyPattern(
    r"\b(?:never|not|don't|won't|wouldn't|doesn't|didn't)\b|"
    r"\b(?!(?:we|i|please|can|could|would|may)\b)\w+\s+(?:\w+\s+)?(?:ask|asks|asked|asking|tell|tells|telling|told)\s+(?:you|u)\s+to$",
    re.IGNORECASE,
)
_YOU = LazyPattern(r"\b(?:you|u)\b", re.IGNORECASE)


# How far back a request's readings look, in characters: no clause or object of a request runs longer, and a
# sentence of thousands of words must not be read again from its start at each verb.
_LOOK_BACK = 300


_EMOJI = LazyPattern(_EMOJI_CHAR)
_SUBJECT_END = LazyPattern(
    r"\b(?:people|folk|folks|patients|parents|many|lots|loads|some|others|they|who|scammers|fraudsters|criminals)$",
    re.IGNORECASE,
)
# ... though a headline that calls its readers names them as the ones asked: "Calling all new parents 👶 tag your
# partner in the comments with..." (not "Lots of parents 😬 tag their kids...").
_CALLING = LazyPattern(r"^(?:calling|attention|hey|hiya|hi|hello|dear|shout\s*out\s+to)\b", re.IGNORECASE)


# A greeting or a word of address before the order is passed over, as a comma after it would be: "hiya hun just drop
# ur little ones nhs no. in the comments", "hi babe pop ur DOB below", "morning lovely", "hey u", "Hi Sarah".
_GREETING = LazyPattern(
    r"^(?:(?:hiya|hi|hii+|hey|heya|hello|hullo|morning|mornin|afternoon|evening|evenin|good\s+(?:morning|afternoon|"
    r"evening))(?:\s+(?:there|all|everyone|folks|guys|hun|hunny|honey|babe|babes|love|lovely|lovey|pet|petal|hen|mate|"
    r"darling|darlin|chick|chuck|duck|sweetie|sweetheart|u|you|ya|x+))*(?:\s+(?-i:[A-Z])[a-z]+)?|"
    r"(?:hun|babe|babes|lovely|love|pet|petal|hen|mate|darling|sweetie|chick))(?:\s+|$)",
    re.IGNORECASE,
)

# The handles a reply opens with are passed over as a greeting is: "@AngryAboutAC Comment with your phone number...".
_HANDLES = LazyPattern(r"^(?:@\w+(?:\s+|$))+")


def _plain(clause: str) -> str:
    """A clause's words, without fillers ("please", "just") or symbols, one space between each."""
    return " ".join(_SYMBOLS.sub(" ", _FILLER.sub(" ", clause)).split())


def _asks_reader(sentence: str, at: int) -> bool:
    """Whether the verb at `at` asks the reader to do it: it opens its clause or follows "you", and is neither
    negated nor reported ("the NHS will never ask you to reply with...")."""
    clause = _CLAUSE_START.split(sentence[max(0, at - _LOOK_BACK) : at])[-1]
    # (An emoji or other symbol before the verb is no word of a statement: "🎄 Tell us in the comments...".)
    lead = _plain(clause)
    # An emoji after a headline ends it as a full stop would: "Calling all new mums 👶 comment with..." (not after a
    # negation, "Don't 🙅 post...", a statement about asking, "they ask u 🙄 to post...", or the subject of what people
    # do, "Lots of people 😬 post their NHS number here").
    emoji = next(reversed(list(_EMOJI.finditer(clause))), None)
    if emoji is not None and lead:
        head = _plain(clause[: emoji.start()])
        # (A call is the headline itself, no emoji in it: not "Hi parents 👋 scammers 😬 ask u to post...".)
        calling = _CALLING.match(head) and not _EMOJI.search(clause, 0, emoji.start())
        if not _NEGATED.search(head) and not _YOU.search(head) and (calling or not _SUBJECT_END.search(head)):
            lead = _plain(clause[emoji.end() :])
    lead = _HANDLES.sub("", lead)
    greeting = _GREETING.match(lead)
    if greeting:
        lead = lead[greeting.end() :]
    return (
        bool(_ASKS_LEAD.search(lead))
        and not _A_THING_MUST.search(sentence, max(0, at - _LOOK_BACK), at)
        and not _NOUN_LEAD.search(lead)
        and not _NEGATED.search(lead)
        and not (_YOU.search(lead) and _ABOUT_ASKING.search(lead))
    )


# Where the reader is to write an answer: a reply or comment not yet written ("your next reply", "a comment"). After
# the data, any verb that opens its clause asks for it there: "note your email address in your next reply". Not a
# place one reads ("spot your name in the comments", "check your postcode in the reply from the app"), nor "here"
# and "below", which may be a page or a form.
WRITTEN_PLACE = LazyPattern(
    r"\s+(?:\w+\s+){0,3}?(?:(?:in|on|under(?:neath)?)\s+(?:your|a|an)\s+(?:next\s+|own\s+)?"
    r"(?:repl(?:y|ies)|comments?|responses?|thread|post)|"
    # ... or by replying: "let everyone see your NHS number by replying below".
    r"by\s+(?:replying|commenting|posting|tweeting)|"
    # ... or added to this very thread: "append your date of birth to this thread" (not "your name on this post", "at
    # the bottom of this post": places one reads).
    r"(?:to|onto)\s+this\s+(?:thread|post|tweet))\b",
    re.IGNORECASE,
)
# (With its particle: "jot down your DOB in a comment"; not a past form, which tells what the reader did: "You mentioned
# your own phone number in your comment, so we've hidden it".)
_VERB_BEFORE_DATA = LazyPattern(
    r"\b(?![a-z]{3,}ed\b)([a-z]+)(?:\s+(?:down|out|up|in))?\s+(?:us\s+|me\s+)?(?:your|their)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


# ... or an order that names the public place first and then the data it carries: "Sound off below with your postcode",
# "Check in in the comments with your name" (not "here", which may be the front desk: "Meet us here with your letter").
# ... also with someone between the verb and the place: "tag ur daughter in the comments with her NHS no", "tag ur
# little one below with their date of birth"; the data may be a third person's: "tag your partner in the comments with
# your baby's name and date of birth".
_PLACE_THEN_DATA = LazyPattern(
    r"(?<![\w'])([a-z]+)(?:\s+(?:off|in|up|out|us|me|(?:your|ur|their)(?:\s+[a-z]+){1,2}))?\s+(?:below|underneath|"
    r"in\s+the\s+(?:comments|replies|chat|thread))\s+with\s+(?:your|their|ur|his|her)\s+(?:\w+\s+)?(?:\w+'s\s+)?$",
    re.IGNORECASE,
)


# ... or that names the public place and then lists the data after a colon or a dash, bare: "just answer in the
# comments: name, age, address, GP surgery", "Introduce yourself below - name, age and where you live -" (two data words
# at least, so "Reply below: name your favourite nurse" asks for none).
_PLACE_THEN_LIST = LazyPattern(
    r"(?<![\w'])([a-z]+)(?:\s+(?:off|in|up|out|us|me|with|yourself|yourselves))?\s+(?:below|underneath|here|"
    r"in\s+(?:the\s+)?(?:comments?|replies|thread|chat)|in\s+a\s+(?:comment|reply)|(?:on|under)\s+this\s+(?:post|tweet|thread))"
    r"(?:\s*:|\s+[-–—])\s*",
    re.IGNORECASE,
)
_DATA_WORD = (
    r"(?:(?:your|their)\s+)?(?:(?:full\s+|first\s+|sur)?names?|age|(?:home\s+)?address|post\s?code|DOB|d\.o\.b\.?|"
    r"date\s+of\s+birth|(?:NHS|hospital)\s+(?:number|no\.?)|(?:phone|mobile)(?:\s+number)?|e-?mail(?:\s+address)?)"
)
_LISTED_DATA = LazyPattern(rf"{_DATA_WORD}(?:\s*(?:,|&|\+|and)\s*{_DATA_WORD})+(?![\w'])", re.IGNORECASE)


def _written_in_public(sentence: str) -> re.Match[str] | None:
    """The data an order puts in a reply or comment, whatever its verb: "note your email address in your reply"."""
    for data in PERSONAL_DATA.finditer(sentence):
        verb = _VERB_BEFORE_DATA.search(sentence, max(0, data.start() - 40), data.start())
        place = WRITTEN_PLACE.match(sentence, data.end())
        if verb and place and _asks_reader(sentence, verb.start(1)) and not CLAUSE_BREAK.search(place.group()):
            return data
        verb = _PLACE_THEN_DATA.search(sentence, max(0, data.start() - 60), data.start())
        if verb and _asks_reader(sentence, verb.start(1)):
            return data
    for verb in _PLACE_THEN_LIST.finditer(sentence):
        listed = _LISTED_DATA.match(sentence, verb.end())
        if listed and _asks_reader(sentence, verb.start(1)):
            return listed
    return None


# The giving verb as the means of an order: "reserve yours by leaving your full name ... in the comments", "Book a seat
# by commenting their name, address...".
_BY_GIVING = LazyPattern(
    r"\bby\s+(?:just\s+|simply\s+)?(?:leaving|commenting|posting|sharing|replying|dropping|popping|putting|adding|writing|"
    r"tagging|sending|giving|including|listing|typing|tweeting|telling\s+us|letting\s+us\s+know)(?![\w'-])"
    r"(?:\s+(?:us|me))?(?:\s+(?:with|below|here))*",
    re.IGNORECASE,
)
# Whose clause opens with an order: a word that is no function word, nor a past, "-ing" or "-s" form ("Entries closed
# by..."; "Fraudsters get data by asking..."). The clause starts after punctuation or a dash.
_ORDER_LEAD = LazyPattern(
    # ("You can sign up for the carers' café by leaving...": an order offered as what the reader can do.)
    r"(?:you|u)(?:'re|\s+are)?\s+(?:can|could|may|welcome\s+to|free\s+to|invited\s+to)\s+(?!not\b)|"
    r"(?:please\s+|just\s+|simply\s+)?(?!(?:we|i|they|he|she|it|you|people|everyone|anyone|someone|the|a|an|our|your|"
    r"their|my|his|her|this|that|these|those|there|here|some|many|most|all|no|not|never|last|next|each|every|then|so|if|"
    r"when|how|what|which|who|why|where|thank|thanks|sorry|apologies|congratulations|congrats|well|hi|hello|dear|welcome|"
    r"good|great|lovely|happy|cheers)(?![\w']))[a-z]+(?<!ing)(?<!ed)(?<![^s]s)(?![\w'])",
    re.IGNORECASE,
)
# A relative clause or a past form before "by": the means of what someone did, told.
# (Not "Get involved by leaving...": an order's past participle.)
_TOLD_BY = LazyPattern(
    r"\b(?:who|whom|that|which)\b|(?<!\bget\s)(?<!\bbe\s)\b[a-z]{2,}ed(?:\s+(?:up|in|on|out|along))?$", re.IGNORECASE
)
_OWN_CLAUSE_START = LazyPattern(r"(?:[.!?,;:()]|\s[-–—])\s*", re.IGNORECASE)


def _ordered_by(sentence: str, at: int) -> bool:
    """Whether "by leaving...", at `at`, is how the reader is asked to do something: its clause opens with an order
    ("reserve yours by leaving...", "you can enter by commenting...") and tells nothing someone did ("everyone who
    signed up by leaving...")."""
    start = max(0, at - _LOOK_BACK)
    cut = next(reversed(list(_OWN_CLAUSE_START.finditer(sentence, start, at))), None)
    lead = sentence[cut.end() if cut else start : at].strip()
    if _TOLD_BY.search(lead):
        return False  # what someone did: "everyone who signed up by leaving...", "Entries received by posting..."
    return bool(lead) and bool(_ORDER_LEAD.match(lead)) and not _NEGATED.search(lead)


# The writer's wish for the data, where the sentence names a public place: "We'd love to hear your name and ward in the
# comments" (a request phrased as an offer; not "We'd love to see your name on the list", which is read there).
_WISH = LazyPattern(
    r"\b(?:we'd|we\s+would|I'd|I\s+would)\s+(?:(?:really|so|just|also)\s+)?(?:love|like|appreciate|welcome|be\s+"
    r"(?:glad|happy|grateful|delighted|keen))(?:\s+(?:it\s+if\s+you\s+(?:could|would)\s+)?to\s+(?:hear|know|have|get|receive|grab))?"
    r"(?![\w'-])|"
    # ... or asked as what the writer may get: "Could we get your phone number in the comments?"
    r"\b(?:can|could|may)\s+(?:we|I)\s+(?:just\s+|please\s+)?(?:get|have|grab|take)(?![\w'-])|"
    # ... or what would help the writer: "It would really help us to have your DOB and house number here" (not "It
    # would help to have your NHS number to hand when you ring", which names no public place).
    r"\b(?:it\s+would|it'd|it\s+will|it'll|that\s+would|that'd)\s+(?:really\s+|so\s+|also\s+|massively\s+)?"
    r"(?:help|be\s+(?:\w+\s+)?(?:helpful|useful|handy|great))(?:\s+(?:us|me|the\s+team))?(?:\s+(?:a\s+lot|loads))?\s+"
    r"(?:to\s+(?:have|get|know|see)|if\s+(?:you|u)\s+(?:could|can|would)\s+(?:\w+\s+)?(?:us|me)?)(?![\w'-])",
    re.IGNORECASE,
)


# ... and the writer's need, opening its clause, where the sentence names a public place: "Need ur GP practice n ur DOB
# hun - comments r fine", "We'll need your postcode below" (not "You need your NHS number to log in - details below":
# the reader's need is told).
_NEED = LazyPattern(
    r"(?:^|(?<=[.!?,;:])|(?<=\s[-–—]))\s*(?:(?:we|we'll|we\s+will|we'd|I|I'll)\s+(?:just\s+|also\s+|still\s+)?)?"
    r"(?:need|needs)(?=\s+(?:your|ur|yer|their|his|her)\b)",
    re.IGNORECASE,
)


# A verb that writes the data down, followed by how to write it, says how to fill in a form, not to write it here:
# "Write your child's date of birth as DD/MM/YYYY, e.g. 01/04/2013", "type your NHS number as 10 digits, no spaces" (not
# where the sentence names a public place: "write your date of birth as DD/MM/YYYY in the comments"; nor after a verb
# that gives it to someone: "Reply with your NHS number as 10 digits").
_WRITING_VERB = LazyPattern(r"(?:write|type|put|add|include|enter|fill|jot|note)\b", re.IGNORECASE)
_HOW_TO_WRITE = LazyPattern(
    r"\s+(?:(?:as|like)\s+(?:(?:DD?\s*[/.-]?\s*MM?\b)|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b|"
    r"(?:e\.?g\.?|for\s+example)\b|(?:\d+|ten|eleven)\s+(?:digits|numbers|characters)\b|day\s*[,/-]?\s*month\b)|"
    r"in\s+(?:the\s+|this\s+|that\s+)?format\b|using\s+(?:the\s+|this\s+)?format\b|"
    r"(?:with\s+)?(?:no|without)\s+(?:spaces|slashes|dashes|gaps)\b)",
    re.IGNORECASE,
)


# Data that opens a clause of its own after a dash and has its own verb is told, not the object asked for: "Tell us your
# thoughts below - your name won't be shared" (not "Tell us who you are - name and date of birth - in a reply").
# ... or on a thing of theirs, to label it: "write your child's name and date of birth on the spacer".
_WRITTEN_ON = LazyPattern(
    r"(?:\s+(?:and|&)(?:\s+[\w']+){1,4}?)?\s+on\s+(?:the|their|his|her|your|each|every|all)\s+(?:[\w-]+'s\s+)?"
    r"(?!comments?\b|repl|posts?\b|thread|page\b|wall\b|timeline|feed\b)[\w-]+",
    re.IGNORECASE,
)
# ... nor kept by the reader: "Pop the new address in your phone", "Save our number to your contacts".
_KEPT_BY_READER = LazyPattern(
    r"\s+(?:in|into|to|on)\s+(?:your|ur)\s+(?:phone|mobile|diary|calendar|notes|contacts|sat\s?nav|maps?|purse|wallet)\b",
    re.IGNORECASE,
)
_DASH_OPENS = LazyPattern(r"\s[-–—]\s+(?:(?:your|their|ur)\s+)?$", re.IGNORECASE)
_OWN_STATEMENT = LazyPattern(
    r"\s+(?:won't|wont|will|would|isn't|is|are|aren't|was|were|can't|cannot|doesn't|don't|never|stays?|remains?)\b",
    re.IGNORECASE,
)


def requested_data(sentence: str, *, questions: bool = False) -> re.Match[str] | None:
    """The personal data a sentence asks for: the object of a giving verb (or, with `questions`, of "what is"), or
    of any order that puts it in a reply or comment."""
    public: list[bool] = []  # whether the sentence names a public place, read once when a reading needs it

    def in_public() -> bool:
        if not public:
            public.append(names_public_place(sentence))
        return public[0]

    def weak_in_private(verb: re.Match[str]) -> bool:
        return bool(_WEAK_VERB.match(verb.group())) and not in_public()

    asks = [
        (m, False)
        for m in GIVING_VERB.finditer(sentence)
        if _asks_reader(sentence, m.start()) and not weak_in_private(m)
    ]
    asks += [(m, False) for m in _BY_GIVING.finditer(sentence) if _ordered_by(sentence, m.start())]
    asks += [(m, False) for m in _WISH.finditer(sentence) if in_public()]
    asks += [(m, False) for m in _NEED.finditer(sentence) if in_public()]
    if questions:
        asks += [(m, True) for m in QUESTION.finditer(sentence)]
    for ask, question in sorted(asks, key=lambda a: a[0].start()):
        # (No object runs longer than _LOOK_BACK: a verb of a long sentence does not read on to its end.)
        for data in PERSONAL_DATA.finditer(sentence, ask.end(), ask.end() + _LOOK_BACK):
            gap = sentence[ask.end() : data.start()]
            # "Tell us below which practice you're with and your date of birth": the data is the verb's second
            # object, joined by "and your", however long the first.
            joined = (
                _AND_YOUR.search(sentence, max(0, data.start() - 40), data.start())
                or (
                    _WHEN_CARED_FOR.match(data.group())
                    and _AND.search(sentence, max(0, data.start() - 6), data.start())
                )
                or _INCLUDING_YOUR.search(sentence, max(0, data.start() - 40), data.start())
                or _LATER_IN_LIST.search(sentence, max(0, data.start() - 40), data.start())
                or _CARRIES_IT.search(sentence, max(0, data.start() - 80), data.start())
            )
            along = _ALONG_WITH.search(sentence, max(0, data.start() - 40), data.start())
            words = len(gap.split())
            # "Reply here or DM us with your daughter's NHS number": a reply offered beside a private channel.
            beside = _PUBLIC_VERB.match(ask.group()) and _OR_WITH.match(gap)
            second_object = (
                beside
                or _ASKED_WHICH.fullmatch(gap)  # "let us know which address you'd like it posted to"
                or (joined and words <= 12)
                or (along and words <= _MAX_ALONG_WITH_GAP_WORDS)
                or (words <= _MAX_PUBLIC_OBJECT_GAP_WORDS and _PUBLIC_OBJECT_GAP.match(gap))
            )
            # "Tell us who you are - name and date of birth - in a reply": the data spelled out between dashes is the
            # verb's object, whatever the clause before the first dash.
            apposition = len(gap.split()) <= 12 and _DASH_BEFORE.search(gap) and _DASH_AFTER.match(sentence, data.end())
            bare = _KEYWORD.sub(" ", gap)  # (a keyword or the options are one word: "Reply A, B or C with")
            if (
                not second_object
                and not apposition
                and (
                    len(bare.split()) - bool(_DETERMINER.search(gap)) > _MAX_GAP_WORDS
                    or CLAUSE_BREAK.search(_LISTED_NAME.sub(" ", bare))
                )
            ):
                break
            # "send us a direct message with your full name": the verb's own channel is private.
            if PRIVATE_CHANNEL.search(gap) and not beside:
                break
            if not _means_data(sentence, data):
                continue
            if _DASH_OPENS.search(gap) and _OWN_STATEMENT.match(sentence, data.end()):
                continue  # "... below - your name won't be shared"
            if question and _THE_GAP.match(gap) and _PLACES_OWN.match(sentence, data.end()):
                continue  # "What's the postcode for the new hub?"
            if (question and _ASKS_NOTHING.match(gap)) or _RHETORICAL.match(sentence, data.end()):
                continue
            if _FORM_FIELD.match(sentence, data.end()) and not in_public():
                continue  # "leave the NHS number box blank if you don't know it" (a form's field)
            if _KEPT_BY_READER.match(sentence, data.end()) and not in_public():
                continue  # "Pop the new address in your phone"
            if _signed_onto(sentence, data) and not in_public():
                continue  # "Add your name to our mailing list" (but "... and reply with your date of birth" asks)
            if (
                _WRITING_VERB.match(ask.group())
                and (_HOW_TO_WRITE.match(sentence, data.end()) or _WRITTEN_ON.match(sentence, data.end()))
                and not in_public()
            ):
                continue  # "Write your child's date of birth as DD/MM/YYYY" (a form's format), "... on the spacer"
            return data
    return _written_in_public(sentence)


_ASKED_WHICH = LazyPattern(r"\s+(?:which|what)\s+", re.IGNORECASE)
_FORM_FIELD = LazyPattern(r"\s+(?:box|field|section|column)\b", re.IGNORECASE)


# A public verb offered beside a private one, the data after both: "Reply here or DM us with your NHS number".
_PUBLIC_VERB = LazyPattern(r"(?:(?:hit|press|tap|click)\s+)?(?:reply|respond|comment|post)\b", re.IGNORECASE)
_OR_WITH = LazyPattern(
    # (With "with", or straight after "us": "comment below or DM us your NHS number".)
    r"\s*(?:(?:here|below|underneath|in\s+(?:the\s+)?(?:comments|replies))\s+)?or\s+(?:[\w']+\s+){1,4}?(?:with\s+|(?<=\bus\s)|(?<=\bme\s))"
    r"(?:(?:your|their|ur|his|her)\s+)?(?:[\w']+'s\s+)?$",
    re.IGNORECASE,
)


# What the service will do with the data once given names no place it is given in: "reply with your date of birth so
# we can chase it with the practice", "... so that we can message you privately", "... and we'll check with the
# practice". (Not a purpose that opens the
# sentence: "So we can look into this, please send us a DM".)
_WHAT_WE_DO_NEXT = LazyPattern(
    # (Or straight after the reader's part, with a comma or none: "If you reply with your date of birth, we will chase
    # it with the community team", "If you reply with his NHS number we'll chase it with the surgery".)
    r"\w(?:[\s,]+(?:so\s+(?:that\s+)?(?:we|I|the\s+team)|and\s+(?:we'll|we\s+will|I'll|I\s+will|the\s+team\s+will))|"
    r",?\s+(?:then\s+)?(?:we'll|we\s+will|we\s+can|I'll|I\s+will|the\s+team\s+will))\b",
    re.IGNORECASE,
)
# An order after that purpose, in a clause of its own, is what the channel belongs to: "Hi Sara, so we can check where
# your referral is, please send us your NHS number by direct message".
_ORDER_AFTER_PURPOSE = LazyPattern(
    r"(?:[,;:]|\s[-–—])\s+(?:(?:please|pls|plz|kindly|just)\s+)?(?:send|dm|pm|message|e-?mail|inbox|drop|pop|give|tell|let|"
    r"contact|ring|call)\b",
    re.IGNORECASE,
)


def _what_we_do_next(before: str) -> bool:
    """Whether the text before a channel ends in what the service will do once given the data ("... so we can
    message you privately"), not in a purpose followed by the order that names the channel."""
    purpose = next(reversed(list(_WHAT_WE_DO_NEXT.finditer(before))), None)
    return purpose is not None and not _ORDER_AFTER_PURPOSE.search(before, purpose.end())


# A sentence before that names a private place only as where the reader could not see a thing sends nothing there:
# "Sorry you can't see your travel jabs in the app. Reply with your full name and date of birth".
# (Nor one where the reader was kept waiting: "We're sorry you were left waiting at the front desk. Leave us a number".)
_CANT_SEE = LazyPattern(
    r"\b(?:can'?t|cannot|couldn'?t|unable\s+to)\s+(?:see|find|access|view|open|log\s+in(?:to)?|get\s+into)\b|"
    # ("Sorry your travel jabs aren't showing in the NHS App.")
    r"\b(?:aren'?t|isn'?t|are\s+not|is\s+not|not)\s+(?:showing|appearing|showing\s+up|coming\s+up)\b|"
    r"\b(?:left|kept)\s+(?:\w+\s+)?waiting\b|"
    # (Nor one named as out of order: "Our DMs are playing up today, sorry! Just reply with your NHS number instead".)
    r"\b(?:DMs?|inbox|messages|messaging)\s+(?:are|is|'re|'s)\s+(?:\w+\s+)?(?:playing\s+up|down|not\s+working|broken)\b|"
    # (Nor one that names the reader's message or request as what went wrong: "So sorry your online request went
    # unanswered. Can you reply with your NHS number?")
    r"\bsorry\s+(?:that\s+)?(?:your|ur)\s+(?:[\w-]+\s+){0,2}?(?:online|e-?mail|DM|message|form|request|e-?consult\w*)\b|"
    # (Nor one that only reads the reader's number back: "we've got your number as 07700 900 316. Can you also reply
    # with your date of birth?")
    r"\b(?:we've|we\s+have)\s+(?:got\s+)?your\s+(?:\w+\s+)?(?:number|mobile|phone|e-?mail)\s+(?:down\s+)?as\b",
    re.IGNORECASE,
)
# Nor does one before a sentence that asks for something to do in the meantime: "Please DM us so we can help. In the
# meantime, what's your date of birth?"
_MEANWHILE = LazyPattern(
    r"\s*(?:in\s+the\s+meantime|meanwhile|for\s+now|until\s+then|while\s+you\s+wait)\b", re.IGNORECASE
)


# A channel offered as a poll's answer, not as the way to answer: "Reply 1 for large print ... or 4 for email".
_AN_OPTION = LazyPattern(r"\b\d\s+for\s+(?:an?\s+)?$", re.IGNORECASE)


def names_private_channel(sentence: str, data: tuple[int, int] = (0, 0)) -> bool:
    """Whether a sentence points to a DM, an e-mail (address), a phone call (number) or the front desk, other
    than to waive it ("no need to DM us") or inside the span of the `data` asked for ("What's the best email to get
    you on?")."""
    from postcheck.text.pii import EMAIL, find_phone_numbers

    for pattern in (PRIVATE_CHANNEL, PRIVATE_PLACE):
        for m in pattern.finditer(sentence):
            before = sentence[: m.start()]
            inside = data[0] <= m.start() and m.end() <= data[1]
            if _AN_OPTION.search(before):
                continue  # a poll's option: "Reply 1 for large print ... or 4 for email"
            if not inside and not _WAIVED.search(before) and not _what_we_do_next(before):
                return True
    return bool(EMAIL.search(sentence) or find_phone_numbers(sentence))


def names_public_place(sentence: str) -> bool:
    """Whether a sentence asks for an answer somewhere public ("below", "in the comments"), not "not here"."""
    # (The negation is at most a few words back: each place looks back a bounded way, or a sentence of many places
    # would be read again from its start at each.)
    return any(
        not _NOT_HERE.search(sentence, max(0, m.start() - _LOOK_BACK), m.start())
        and not _WHERE_IT_IS.search(sentence, max(0, m.start() - 20), m.start())
        for m in PUBLIC_PLACE.finditer(sentence)
    )


# Where something already is, to be read there: "the secure form linked below", "the times listed here".
_WHERE_IT_IS = LazyPattern(r"\b(?:linked|listed|shown|attached|pinned|printed|set\s+out)\s+$", re.IGNORECASE)


# Where a request's own clause starts: "Replies here are public, so please chuck your NHS number in a DM instead".
_OWN_CLAUSE = LazyPattern(r"[,;:]\s+|\s[-–—]\s+", re.IGNORECASE)


def _asked_in_public(sentence: str, data: re.Match[str]) -> bool:
    """Whether a request names a public place: anywhere in its sentence, unless the place is only in a clause before
    the request's own and that clause points to a private channel ("Replies here are public, so please chuck your NHS
    number in a DM instead"; not "Please DM us or just drop your NHS number in a reply")."""
    if not names_public_place(sentence):
        return False
    start = max(0, data.start() - _LOOK_BACK)
    cut = next(reversed(list(_OWN_CLAUSE.finditer(sentence, start, data.start()))), None)
    if cut is None:
        return True
    if cut.group().startswith(":") and cut.end() == data.start():
        return True  # the data listed after the place it is asked in: "answer in the comments: name, email and mobile"
    own = sentence[cut.end() :]
    return names_public_place(own) or not names_private_channel(own)


# A reply asked for with the data as one of two ways, the private channel the other: "Reply with your DOB or DM it",
# "Call us on 01632 960001 or reply with your DOB".
_REPLY_WITH = LazyPattern(
    r"\b(?:reply|respond|comment)\s+(?:(?:to\s+(?:us|me|this)|back)\s+)?with\s+(?:(?:your|their|ur|his|her)\s+)?"
    r"(?:[\w']+'s\s+)?$",
    re.IGNORECASE,
)
_OR_ELSE = LazyPattern(r"[\s,]*(?:or|alternatively)\b", re.IGNORECASE)
_OR_BEFORE = LazyPattern(r"\b(?:or|alternatively)[\s,]+(?:(?:just|simply)\s+)?$", re.IGNORECASE)


def _reply_beside_private(sentence: str, data: re.Match[str]) -> bool:
    """Whether the reader is asked to reply with the data, a private channel only offered as the other way ("Reply
    with your date of birth or DM it to us", "Ring us or reply with your DOB"; not "Reply with your date of birth by
    DM")."""
    reply = _REPLY_WITH.search(sentence, max(0, data.start() - 60), data.start())
    return reply is not None and bool(
        _OR_ELSE.match(sentence, data.end()) or _OR_BEFORE.search(sentence, max(0, reply.start() - 20), reply.start())
    )


# "Pop it below", "reply with them here", "reply here": asks in public for the personal data named just before.
_PRONOUN_ASK = LazyPattern(
    # ("Pop both below": the two just named.)
    r"(?:\s+(?:us|me))?(?:\s+with)?\s+(?:it|them|yours|theirs|both|them\s+both|(?:these|those|this|that)(?=\s*(?:[.,;:!?]|$|below|here|in\b)))\b"
    # ("Let us know underneath", "Tell us on here": the place right after the verb.)
    r"|(?=\s+(?:below|underneath|here|on\s+here|under\s+(?:here|this)\b|to\s+this\s+(?:post|tweet|thread)|"
    r"in\s+(?:the\s+)?(?:comments?|replies|thread)|"
    r"in\s+a\s+(?:comment|reply)))",
    re.IGNORECASE,
)
# A condition's subject, a verb right after it, is what the condition is about, not what is asked for: "If the
# medication you're on for your palpitations has run out, reply here" (the place alone after the verb asks for nothing
# of it).
_IF_BEFORE = LazyPattern(r"\b(?:if|when|once|whenever)\s+(?:[\w']+\s+){0,2}$", re.IGNORECASE)
_CONDITION_ON = LazyPattern(
    r"(?:\s+(?:for|from)(?:\s+[\w']+){1,3}?)?\s+(?:has|have|had|is|are|was|were|runs?|ran|keeps?|kept|changes?|changed|"
    r"doesn't|don't|isn't|aren't|hasn't|haven't|didn't|won't)\b",
    re.IGNORECASE,
)
# What "it" or "them" more likely stands for than the data: "Questions about your NHS number? Post them below".
_OTHER_ANTECEDENT = LazyPattern(
    r"\b(?:questions?|comments?|thoughts|views|feedback|stor(?:y|ies)|experiences?|photos?|pictures?|ideas?|"
    r"suggestions?|tips?|queries|query)\b",
    re.IGNORECASE,
)
# (Or a request withdrawn: "please ignore our last reply asking for your NHS number here".)
# (Or data to be left out, or not posted: "please leave out names, dates of birth and anything that could identify
# you".)
_NEGATED_MENTION = LazyPattern(
    # (Text-speak drops the apostrophe: "pls dont put ur mums DOB on here, inbox us".)
    r"\b(?:never|not|don'?t|won'?t|doesn'?t|no|ignore|disregard|leave\s+(?:out|off)|omit|redact|blank\s+out|cover\s+up|"
    # ("Rather than posting your baby's details here, please DM us.")
    r"(?:rather\s+than|instead\s+of)\s+(?:posting|sharing|putting|writing|leaving|adding|giving|commenting|replying))\b",
    re.IGNORECASE,
)
# A photo, scan or copy that carries the data is the data, not another thing "it" may stand for: "Got a photo of the
# letter with your name and address on it? Post it below".
_A_COPY_OF = r"\b(?:photo|picture|pic|screenshot|scan|copy)s?\s+of\s+"
_CARRIER = LazyPattern(
    rf"{_A_COPY_OF}(?:[\w']+\s+){{1,4}}?(?:with|showing|including)\s+(?:your|their)\s+(?=\S)", re.IGNORECASE
)


# ... as is a copy of a document that is itself the data: "Take a photo of your discharge letter and post it below".
_COPY_NOUN = LazyPattern(_A_COPY_OF, re.IGNORECASE)


def _carries_data(text: str) -> str:
    """`text` with each photo, scan or copy that carries personal data, or is it, blanked (same length)."""
    return masked(
        text,
        [m.span() for m in _CARRIER.finditer(text) if PERSONAL_DATA.match(text, m.end())]
        + [m.span() for m in _COPY_NOUN.finditer(text) if PERSONAL_DATA.match(text, m.start())],
    )


# Medical details as the subject of their own clause are told, not asked for: "If the medication you're on has run out,
# reply here".
_MEDICAL_DETAIL = LazyPattern(
    r"(?:(?:regular|current|repeat|usual|daily)\s+)?(?:diagnos|medical|health|medic|meds|tablets|pills|allerg|inhal|"
    r"p(?:re|er)scri|symptoms)",
    re.IGNORECASE,
)
# ("If his symptoms get worse, call 111, and let us know below how the discharge went": told, not asked.)
_OWN_VERB = LazyPattern(
    # ("If the medicine you're waiting for still hasn't arrived, reply here": an adverb between.)
    r"\s+(?:(?:still|now|already|just|never)\s+)?(?:has|have|hasn't|haven't|is|isn't|was|wasn't|are|aren't|were|weren't|ran|runs|run|changed|needs?|gets?|got|"
    r"carry|carries|come|comes|last|lasts|persist|persists|don't|doesn't|start|started|change)\b",
    re.I,
)


# Data that opens its clause as the subject of a passive verb is told, not asked for: "Postcode and age in the comments
# below are anonymised before we publish", "Your date of birth in the comments was removed" (not "Your NHS number is
# needed - pop it below": what is needed, wanted or asked for is asked).
_PASSIVE_AFTER = LazyPattern(
    # (Not a relative clause of someone's: "Snap the blood test form you were given and post it".)
    r"(?:\s+[\w'&+-]+){0,8}?(?<!\byou)(?<!\bthey)(?<!\bhe)(?<!\bshe)(?<!\bwe)\s+"
    r"(?:is|are|was|were|will\s+be|would\s+be|have\s+been|has\s+been|get|gets|got)\s+"
    r"(?:(?:all|always|then|now|never|not|automatically|only|also|securely|immediately)\s+)?"
    r"(?!(?:needed|required|requested|wanted|asked|welcomed|invited|expected)\b)(?:[a-z]+(?:ed|en|wn)|kept|held|read)\b",
    re.IGNORECASE,
)


# Someone of the reader's named by a pronoun after them: "Which care home is your mum in, and what's her name?"
# (not "your mum's nurse": her name is a nomination's).
_READERS_KIN = LazyPattern(
    r"\b(?:your|ur|yer)\s+(?:\w+\s+)?(?:mum|mam|mom|mother|dad|father|nan|nana|nanna|gran|granny|grandma|grandmother|"
    r"grandad|granddad|grandpa|grandfather|son|daughter|husband|wife|partner|child|kid|baby|boy|girl|little\s+one|"
    r"brother|sister|auntie|aunt|uncle|neighbour|friend)s?\b(?!')",
    re.IGNORECASE,
)
_PRONOUN_NAME = LazyPattern(r"\b(?:her|his|their)\s+(?:(?:full|first|last)\s+)?(?:sur)?name\b", re.IGNORECASE)


# ("ur mams name": the possessive's apostrophe left out, as text-speak does.)
_NAME_AFTER_KIN = LazyPattern(r"\s+(?:(?:full|first|last)\s+)?(?:sur)?name\b", re.IGNORECASE)


def _kin_name(sentence: str, start: int = 0) -> re.Match[str] | None:
    """The name of someone of the reader's, asked by a pronoun after them (from `start` on), outside a negation."""
    kin = _READERS_KIN.search(sentence)
    if kin is None:
        return None
    name = _PRONOUN_NAME.search(sentence, max(kin.end(), start))
    if name is None and kin.group().lower().endswith("s") and kin.end() >= start:
        name = _NAME_AFTER_KIN.match(sentence, kin.end())
    negation = _NEGATED_MENTION.search(sentence)
    if name is None or (negation is not None and negation.end() <= name.start()):
        return None
    return name


def _named_data(sentence: str, *, kin: bool = False) -> re.Match[str] | None:
    """The last personal data a sentence names outside a negation ("we will never ask for your NHS number"), and not
    as the subject of a passive statement ("Postcodes in the comments are anonymised"); with `kin`, also the name of
    someone of the reader's told by a pronoun ("your mum ... her name")."""
    found = _kin_name(sentence) if kin else None
    negation = _NEGATED_MENTION.search(sentence)  # the first: any data after it is negated
    told_until = -1  # where a passive statement whose subject the data is ends
    for data in PERSONAL_DATA.finditer(sentence):
        if negation is not None and negation.end() <= data.start():
            break
        if data.start() > told_until and _OPENS_CLAUSE.search(sentence, max(0, data.start() - 40), data.start()):
            passive = _PASSIVE_AFTER.match(sentence, data.end())
            told_until = passive.end() if passive else told_until
        told = data.start() < told_until or (
            _MEDICAL_DETAIL.match(data.group()) and _OWN_VERB.match(sentence, data.end())
        )
        if _means_data(sentence, data) and not told:
            found = data
    return found


# Where a request's own clause ends and what the service will do begins: "... and our pharmacists will share tips".
# ("Drop it below - we're building a picture of ...": after a dash too.)
_THEN_WE = LazyPattern(
    r"\s(?:(?:and|so|then)\s+|[-–—]\s*(?:and\s+)?)(?:we|we'll|we're|our|the\s+team|I|I'll)\b", re.IGNORECASE
)


# A copy of a document about the reader's care, taken and posted by reference: "Got a text from us about your
# appointment? Screenshot it and post it below" (the copy carries the reader's name and details, as "a screenshot of
# your appointment letter" does).
_COPY_IT = LazyPattern(
    r"\b(?:screenshot|photograph|photo|snap|scan|(?:take|snap)\s+a\s+(?:photo|picture|pic|snap|screenshot)\s+of)\s+"
    # (Or a side of it: "Snap the front of it and post it below".)
    r"(?:(?:the\s+)?(?:front|back|inside|first\s+page|last\s+page|side|(?:top|bottom)(?:\s+half|\s+part)?)\s+of\s+)?"
    # ("Screenshot that and post it below": "that" as the pronoun, its clause ending on it.)
    r"(?:it|them|that(?=\s*(?:[,.;:!?]|$)|\s+(?:and\b|n\b|&|then\b)))\b|"
    # ("Snap the first page and share it": "of it" left unsaid.)
    r"\b(?:screenshot|photograph|snap|scan|(?:take|snap)\s+a\s+(?:photo|picture|pic|snap|screenshot)\s+of)\s+the\s+"
    r"(?:front|back|(?:first|front|last)\s+page|first\s+side)"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:and\b|n\b|&|then\b))|"
    # ... or the message or letter named again: "Screenshot the text we sent about your appointment and post it below",
    # "Got an appointment letter ...? Screenshot the letter and post it in the comments".
    r"\b(?:screenshot|photograph|snap|scan|(?:take|snap)\s+a\s+(?:photo|picture|pic|snap|screenshot)\s+of)\s+"
    r"(?:the|that|this|our)\s+(?:text|txt|message|msg|e-?mail|letter)s?\b",
    re.IGNORECASE,
)
_READERS_DOCUMENT = LazyPattern(
    r"\b(?:text|texts|letter|letters|message|messages|e-?mail|e-?mails|card|prescription)\s+"
    r"(?:(?:from|by)\s+(?:\w+\s+){1,3}?)?"  # the sender in up to three words: "from the mobile clinic"
    r"(?:about|bout|for|with|confirming|of)\s+(?:your|ur|their)\s+(?:\w+\s+)?(?:appointment|referral|results?|booking|"
    r"prescription|operation|scan|test|jab|vaccin\w+|booster|screening)s?\b"
    # A message the reader got is about their own care where it names it, whoever sent it: "Got a text from the practice
    # with the wrong appointment date?" (not "Got a text about the carers' café?").
    # (Or one the service says it sent: "Screenshot the text we sent about your appointment"; or "got" left unsaid where
    # the message opens its sentence: "Text from the surgery about the wrong results?")
    r"|(?:\b(?:got|received|had|get)\s+(?:a|an|the|this|that)\s+|\bthe\s+(?=\w+\s+(?:we|they)\s+sent\b)|"
    r"(?:^|(?<=[.!?]\s))\s*(?:an?\s+)?)(?:\w+\s+)?(?:text|txt|message|msg|e-?mail|voicemail)s?\s+"
    r"(?:(?:from|by)\s+(?:\w+\s+){1,3}?|(?:we|they)\s+sent(?:\s+(?:you|u))?\s+)?(?:about|bout|for|with|confirming|of|giving|"
    # ("Had a text saying you missed a hospital appointment?")
    r"saying(?:\s+(?:that\s+)?(?:you|u)(?:'ve|\s+have)?\s+\w+)?)\s+(?:the|a|an|your|ur)\s+(?:\w+\s+){0,2}?"
    r"(?:appointment|referral|results?|booking|operation|scan|test|injection|procedure|treatment|surgery|op)s?\b"
    # A letter the reader got is addressed to them: "Got a letter with the wrong address on it?"; a prescription carries
    # their name, address and date of birth, and their results are their health: "Got your new repeat prescription?"
    # (Or the reader's own, in text-speak too: "Had ur booster letter with the wrong date on?")
    # (Not one a patient or a friend wrote: "Had a lovely letter from a patient?" is no letter about the reader.)
    # (And the reader's invitation or reminder: "Got your booster invite with the wrong name on it?")
    # (Or the reader's own, named by what it is about: "Confused by your results text, Lia?")
    r"|\b(?:your|ur)\s+(?:\w+\s+)?(?:results?|appointment|booking|referral|test)\s+(?:text|txt|message|msg|e-?mail|letter)s?\b"
    r"|\b(?:got|received|had|get)\s+(?P<document>(?:a|an|the|this|that|your|ur)\s+(?:\w+\s+){0,2}?"
    r"(?:letters?|p(?:re|er)scripti?ons?)|(?:your|ur)\s+(?:\w+\s+){0,3}?(?:results?|invit(?:e|ation)s?|reminders?|"
    rf"appointment\s+cards?|{_HEALTH_PAPERS})|(?:a|an|the|your|ur)\s+(?:{_COURT_ORDERS}|(?:[\w-]+\s+)?(?:{_CARE_PLANS}))|"
    # (And a certificate, card, badge or pass of the reader's health: "Got a medical exemption certificate?", "Got your
    # blue badge?"; not "Got a certificate for finishing the course?", which carries no health data.)
    r"(?:a|an|the|this|that|your|ur)\s+(?:\w+\s+)?(?:medical|prescription|prepayment|exemption|maternity|vaccination|"
    r"vaccine|covid|NHS|hospital|carer'?s?|fever|immuni[sz]ation)\s+(?:(?:exemption|prepayment|vaccination)\s+)?(?:certificates?|cards?|"
    r"badges?|pass(?:es)?|exemptions?)|(?:a|the|this|that|your|ur)\s+(?:\w+\s+)?blue\s+badges?)\b"
    r"(?!\s+from\s+(?:(?:a|an|one\s+of\s+(?:our|your|the|my)|our|your|ur|the|my|his|her|their)\s+)?(?:\w+\s+)?(?:patients?|"
    r"child(?:ren)?|kids?|grand(?:child|children|son|daughter|kids?)|friends?|pupils?|students?|fans?|residents?|relatives?|"
    r"neighbours?|colleagues?|volunteers?|well-?wishers?|readers?|families|family|(?:pen\s*)?pals?|mates?|buddy|buddies|someone|"
    r"somebody|member\s+of\s+the\s+public)\b)",
    re.IGNORECASE,
)
# The copy asked for as the verb's object: "Got a letter with the wrong address on it? Send us a photo of it here".
# ("the letter" stands for it too: "Had ur booster letter with the wrong date on? post a photo of the letter below".)
_COPIES_OF_IT = (
    r"(?:photo|picture|pic|snap|screenshot|scan|copy)s?\s+of\s+(?:(?:the\s+)?(?:front|back|inside|first\s+page|last\s+page|"
    r"side|(?:top|bottom)(?:\s+half|\s+part)?)\s+of\s+)?(?:it|them|(?:the|that|this)\s+letter)\b"
)
_COPY_OF_IT = LazyPattern(rf"(?:\s+(?:us|me))?\s+(?:a\s+)?{_COPIES_OF_IT}", re.IGNORECASE)
# (With the order to take or post it: "Take a photo of it and share it in the comments", "grab a pic of it".)
_A_COPY_OF_IT = LazyPattern(
    rf"\b(?:(?:take|snap|grab|post|share|pop|send)\s+(?:us\s+)?an?\s+(?:quick\s+|clear\s+)?)?{_COPIES_OF_IT}",
    re.IGNORECASE,
)


# A public thing carrying the data, asked to be taken down: "please delete the comment with your NHS number in it".
_TAKEN_DOWN = LazyPattern(r"\b(?:delete|remove|take\s+down|hide|edit\s+out)\b", re.IGNORECASE)


def requested_by_reference(sentence: str, before: str, older: str = "") -> tuple[int, int, str] | None:
    """(start, end, data) of a request in public that names the data only before it: "Do you have your NHS
    number? Pop it below", "We need your details: reply here", "Details please - in the comments". Someone of the
    reader's whose name the sentence before asks may be named in the one before that (`older`): "Is your grandad on
    Ward 7? What's his name? Let us know underneath"."""
    if not names_public_place(sentence):
        return None
    # What the sentence before offers, read once (not again at each verb of a long sentence): another thing "it" may
    # stand for, and the data it names. Within the sentence, each verb reads a bounded stretch either side of it.
    earlier: tuple[bool, re.Match[str] | None, re.Match[str] | None] | None = None
    for verb in GIVING_VERB.finditer(sentence):
        ask = _PRONOUN_ASK.match(sentence, verb.end())
        copy = None if ask is not None else _COPY_OF_IT.match(sentence, verb.end())
        ask = ask or copy
        if ask is None or not _asks_reader(sentence, verb.start()):
            continue
        if earlier is None:
            other = _OTHER_ANTECEDENT.search(PUBLIC_PLACE.sub(" ", _carries_data(before)))
            named = _named_data(before, kin=True)
            if named is None and older:
                lead = older[-_LOOK_BACK:]
                named = _kin_name(f"{lead} {before[:_LOOK_BACK]}", start=len(lead) + 1)
            earlier = bool(other), named, _READERS_DOCUMENT.search(before[-_LOOK_BACK:])
        other_before, data_before, document_before = earlier
        # Not "in the comments", nor the verb itself ("Comment it below"), as what "it" stands for.
        # (After the verb, only its own clause: not "Tell us below and our pharmacists will share some tips".)
        near = max(0, verb.start() - _LOOK_BACK)
        rest = _THEN_WE.split(sentence[ask.end() : verb.end() + _LOOK_BACK], maxsplit=1)[0]
        # (Nor the copy taken of what was named: "Take a photo of the letter and post it here" posts the letter.)
        others = _COPY_IT.sub(" ", _carries_data(f"{sentence[near : verb.start()]} {rest}"))
        if other_before or _OTHER_ANTECEDENT.search(PUBLIC_PLACE.sub(" ", others)):
            return None
        data = _named_data(sentence[near : verb.start()], kin=True) or data_before
        if (
            data is not None
            and not ask.group()
            and _CONDITION_ON.match(sentence, near + data.end())
            and _IF_BEFORE.search(sentence, max(0, near + data.start() - 30), near + data.start())
        ):
            data = None  # what a condition is about: "If the medication you're on has run out, reply here and ..."
        if data is None and (copy is not None or _COPY_IT.search(sentence, near, verb.start())):
            data = document_before or _READERS_DOCUMENT.search(sentence, near, verb.start())
        if data is not None:
            return verb.start(), max(ask.end(), verb.end()), data.groupdict().get("document") or data.group()
    data = _named_data(sentence)
    if (
        data is not None
        and re.search(r"\b(?:please|pls)\b", sentence, re.IGNORECASE)
        and not _NEGATED_MENTION.search(sentence)
        and not _TAKEN_DOWN.search(sentence)
        and not _OTHER_ANTECEDENT.search(PUBLIC_PLACE.sub(" ", sentence))
        and _asked_in_public(sentence, data)
    ):
        return data.start(), data.end(), data.group()
    return None


# A reply's direct question for the data it has just named: "We need your hospital number to find the booking - what
# is it?", "Your date of birth? What's yours?" (not "what is it about?", "what is it you need?").
_QUESTION_FOR_IT = LazyPattern(r"\b(?:what(?:'?s|\s+is|\s+are)|wot'?s)\s+(?:it|they|yours|theirs)\s*\?", re.IGNORECASE)


# A copy of a paper about someone's care, named by what it is only in a post that names that care: "Sorry about the
# mix-up with your appointment. Could you post a photo of the letter here?", "pop a picture of his appointment card in
# the replies", "Screenshot the text message about your appointment and post it below" (not "the letter" of a post
# about no one's care, nor "a photo of this page").
# (Not a prescription's bags, service or the reader's experience of it: "share a pic of the prescription bags".)
_PRESCRIPTION = (
    r"p(?:re|er)scripti?ons?(?!\s+(?:bags?|services?|teams?|deliver\w*|charges?|costs?|prices?|apps?|counters?|queues?|"
    r"hubs?|experiences?|process|system)\b)"
)
_PAPER = (
    r"(?:letters?|(?:text|txt)(?:\s+messages?)?|messages?|e-?mails?|cards?|labels?|pages?|slips?|forms?|sheets?|"
    rf"summar(?:y|ies)|traces?|printouts?|certificates?|agreements?|MATB1|(?:medication|medicines?|repeat)\s+lists?|"
    rf"{_PRESCRIPTION}|reports?)"
)
_COPY_OF_PAPER = LazyPattern(
    r"\b(?P<verb>(?:post|share|pop|put|upload|stick|drop|add|paste|attach|send)(?:\s+(?:us|me))?\s+(?:an?\s+)?"
    r"(?:quick\s+|clear\s+)?(?:photo|picture|pic|snap|screenshot|screengrab|scan|copy|image)s?\s+of|"
    r"screenshot|snap|photograph|photocopy|scan)\s+"
    r"(?:(?:the|a)\s+(?:front|back|top|bottom|inside|(?:[\w-]+\s+)?page|side)\s+(?:of|in|from)\s+)?"
    rf"(?P<paper>(?:the|that|your|ur|his|her|their)\s+(?:[\w'-]+\s+){{0,3}}?{_PAPER})\b"
    r"(?!\s+(?:you|u|(?:your|ur|the|our)\s+\w+)\s+(?:wrote|made|drew)\b)",
    re.IGNORECASE,
)
# ... or a paper about someone's care itself, posted: "Could you post the MRI report here" (where a public place is
# named).
_CARE_PAPER_POSTED = LazyPattern(
    r"\b(?:post|share|upload)\s+(?P<paper>(?:the|your|ur|his|her|their)\s+(?:[\w'-]+\s+){0,2}?(?:(?:MRI|CT|x-?ray|ultrasound)\s+"
    rf"(?:scan\s+)?reports?|discharge\s+(?:letter|summary)|medication\s+lists?|{_PRESCRIPTION}))\b",
    re.IGNORECASE,
)
# ... or of "it", the paper named in the sentence before (`_A_COPY_OF_IT`, `_COPY_IT`): "Sorry the discharge letter
# after your bunion op has the wrong foot on it! Take a photo of it and share it in the comments".
_PAPER_NAMED = LazyPattern(rf"\b(?:the|that|your|ur|his|her|their)\s+(?:[\w'-]+\s+){{0,3}}?{_PAPER}\b", re.IGNORECASE)
# The care the post names: "your dad's appointment", "his last three doses", "their cancellation letters".
_CARE_NAMED = LazyPattern(
    r"\b(?:(?:your|ur|his|her|their|\w+'s)\s+(?:[\w'-]+\s+){0,2}?(?:appointments?|referrals?|results?|operation|op|"
    r"scans?|tests?|check|check-?up|booking|jabs?|vaccin\w*|treatment|prescriptions?|procedure|doses?|medicines|"
    r"medication|tablets|meds|discharge|review)|(?:wrong|right)\s+(?:strength|dose)|(?:appointment|cancellation|referral|results?|discharge|clinic|booking|"
    r"invitation|vaccination|hospital)\s+(?:letters?|texts?|cards?)|ECG|MATB1|discharge\s+summary|p(?:re|er)scripti?ons?|"
    # ("Scan the report the psychologist sent")
    r"the\s+(?:psychologist|consultant|specialist|hospital|clinic|ward)\s+sent|"
    r"medication\s+lists?|(?:MRI|CT|x-?ray|ultrasound)\s+(?:scan\s+)?(?:reports?|request\s+forms?)|(?:orthoptic|psychology|clinic|hospital|"
    r"assessment|consultant's)\s+reports?|shared\s+care)\b",
    re.IGNORECASE,
)
_LETTER = LazyPattern(r"\b(?:letter|label)\b", re.IGNORECASE)
_POSTING = LazyPattern(r"(?:post|share|pop|put|upload|stick|drop|add|paste|attach)\b", re.IGNORECASE)


def _copy_of_paper(
    sentence: str, previous: str, following: str, *, reply: bool, care_named: bool
) -> tuple[int, int, str] | None:
    """(start, end, paper) of an order to post a copy of a paper about the reader's care where everyone sees it: the
    sentence, or the one after, names a public place; or, in a reply, the order is to post it, with no private channel
    named ("Could you post a photo of the letter so we can see which clinic it's for?"). The post must name that care
    (`_CARE_NAMED`, read by the caller once for the whole text), unless it is a reply, the paper a letter or a label
    and the sentence names the place: "the letter" of a post about no one's care may be anyone's, but the one a reply
    asks for in the comments is the reader's (not "Share a photo of her certificate below - we're so proud of our
    apprentices!"). The paper may be "it", named in the sentence before."""
    copies = [(copy, copy.span("paper"), copy.group("paper")) for copy in _COPY_OF_PAPER.finditer(sentence)]
    that = _A_COPY_OF_IT.search(sentence) or _COPY_IT.search(sentence)
    if that and (paper := _PAPER_NAMED.search(previous)):
        copies.append((that, that.span(), paper.group()))
    private = names_private_channel(sentence) or _sent_privately(following)
    for copy, (start, end), paper in copies:
        if not _asks_reader(sentence, copy.start()):
            continue
        if (names_public_place(sentence) and (care_named or _LETTER.search(paper))) or (
            care_named
            and (
                (names_public_place(following) and not private)
                or (reply and not private and _POSTING.match(copy.group()))
            )
        ):
            return start, end, paper
    if not care_named:
        return None
    posted = _CARE_PAPER_POSTED.search(sentence)
    if posted and _asks_reader(sentence, posted.start()) and names_public_place(sentence):
        return posted.start("paper"), posted.end("paper"), posted.group("paper")
    return None


def _question_for_it(sentence: str, before: str) -> tuple[int, int, str] | None:
    for question in _QUESTION_FOR_IT.finditer(sentence):
        if _OTHER_ANTECEDENT.search(_carries_data(f"{before} {sentence[: question.start()]}")):
            return None
        # The reader's own data ("your hospital number"), not data in general ("Heard of the NHS number? What is it?").
        for text in (sentence[: question.start()], before):
            data = _named_data(text)
            if data is not None:
                if _READERS.search(text, max(0, data.start() - 40), data.start()):
                    return question.start(), question.end(), data.group()
                return None
    return None


_READERS = LazyPattern(r"\b(?:your|their|ur)\s+(?:\w+\s+)?$", re.IGNORECASE)


# A reply's question that reads the reader's data back for them to confirm: "is your date of birth 14/03/1962? Reply yes
# or no below" (the answer confirms it in public). The value follows the data and ends the question: a date, a
# postcode or a run of digits (not "Is your NHS number 10 digits long?").
# (Or a child's, by name: "is Oscar's date of birth 02/09/2026?")
_CONFIRM_LEAD = LazyPattern(
    r"\b(?:is|was|are)\s+(?:your|ur|yer|his|her|their|the|(?-i:[A-Z])[\w-]+'s)\s+(?:[\w'-]+\s+)?$", re.IGNORECASE
)
_VALUE_ASKED = LazyPattern(
    r"\s+(?:still\s+|definitely\s+|really\s+|now\s+|the\s+)?(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{2,4})?|"
    r"[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}|\+?\d[\d ]{4,}\d)\s*\?",
    re.IGNORECASE,
)


# ... or the value first, then what it is: "is 07700 900456 still the best number for you?"
_VALUE_FIRST = LazyPattern(
    r"\b(?:is|was)\s+(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}|\+?\d[\d ]{4,}\d)\s+"
    r"(?:still\s+)?(?:the\s+|your\s+|a\s+)?(?:best|right|correct|current|usual|safe|good)\s+(?:number|mobile|address|postcode|"
    r"date\s+of\s+birth|DOB)(?:\s+(?:for|to\s+(?:reach|call|ring|text|contact|get))\s+(?:you|u|him|her|them|your\s+\w+))?"
    r"(?:\s+on)?\s*\?",
    re.IGNORECASE,
)


# ... or a street address: "Is her address still 14 Hawthorn Close, Rayleigh? Reply yes or no below".
_ADDRESS_ASKED = LazyPattern(
    r"\b(?:is|was)\s+(?:your|ur|yer|his|her|their|(?-i:[A-Z])[\w-]+'s)\s+(?:home\s+|postal\s+)?address\s+"
    r"(?:still\s+|now\s+|definitely\s+)?",
    re.IGNORECASE,
)


def _address_read_back(sentence: str) -> tuple[int, int, str] | None:
    """(start, end, "address") of a question that reads a street address back ("Is her address still 14 Hawthorn
    Close, Rayleigh?"), or None."""
    from postcheck.text.pii import STREET_ADDRESS

    for asked in _ADDRESS_ASKED.finditer(sentence):
        street = STREET_ADDRESS.match(sentence, asked.end())
        question = street and sentence.find("?", street.end(), street.end() + 40)
        if question is not None and question >= 0:
            return asked.start(), question + 1, "address"
    return None


def _confirmed_in_public(sentence: str, answer: str) -> tuple[int, int, str] | None:
    """(start, end, data) of a question that reads the reader's data back to be confirmed, where the answer is not
    sent by a private channel named there or in the sentence after ("Please DM us to confirm"), or None."""
    found = next(
        (
            (data.start(), asked.end(), data.group())
            for data in PERSONAL_DATA.finditer(sentence)
            if (asked := _VALUE_ASKED.match(sentence, data.end()))
            and _CONFIRM_LEAD.search(sentence, max(0, data.start() - 40), data.start())
        ),
        None,
    ) or next(((m.start(), m.end(), m.group()) for m in _VALUE_FIRST.finditer(sentence)), None)
    if found is None:
        found = _address_read_back(sentence)
    if found is None:
        return None
    start, end, _ = found
    both = f"{sentence[:start]}{' ' * (end - start)}{sentence[end:]} {answer}"  # (the number read back calls no one)
    return found if names_public_place(both) or not names_private_channel(both) else None


# ... or a postcode or phone number read back in one sentence, the reader asked in the next whether it is right: "Your
# letter went to 14 Station Road, Rayleigh SS6 7HL. Is that still right?" (not a date, which may be an appointment's).
_STILL_RIGHT = LazyPattern(
    r"\s*(?:and\s+)?(?:is|are)\s+(?:that|this|these|those|it|they)\s+(?:all\s+)?(?:still\s+)?(?:the\s+)?(?:right|correct|"
    r"up[\s-]to[\s-]date|current)(?:\s+(?:address|number|postcode|one|details))?(?:\s+for\s+(?:you|u|him|her|them))?\s*\?"
    # ("under your mobile, 07700 900 482 - is that still the best number for you?")
    r"|\s*(?:is|are)\s+(?:that|this|it)\s+(?:still\s+)?the\s+(?:best|right|correct)\s+(?:number|mobile|address|postcode|one)"
    r"(?:\s+for\s+(?:you|u|him|her|them))?\s*\?"
    # ("We've found a referral under NHS number 943 476 5919 - is that yours?")
    r"|\s*(?:is|are)\s+(?:that|this|it|they)\s+(?:yours|his|hers|theirs|(?:your|ur)\s+[\w'-]+'s)\s*\?"
    # ("Can you reply here to confirm that's still right?")
    r"|\s*(?:(?:can|could)\s+you\s+)?(?:please\s+)?(?:reply|comment)\s+(?:here|below)\s+to\s+confirm\s+(?:that|it|this)"
    r"(?:'s|\s+is)\s+(?:still\s+)?(?:right|correct|up[\s-]to[\s-]date)\b",
    re.IGNORECASE,
)
# ... or the question after a dash in the same sentence: "We have the letter going to 22 Linford Drive, Basildon - is
# that still right?"
_DASH_BEFORE_QUESTION = LazyPattern(r"\s[-–—](?=\s*(?:and\s+)?(?:is|are)\s)")
_READ_BACK = LazyPattern(
    r"\b(?P<postcode>[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2})\b|(?<![\w/.])\+?\d[\d ]{8,}\d\b|"
    # (a date: "we have your date of birth as 14/03/1957")
    r"\b(?:date\s+of\s+birth|DOB)\s+(?:(?:down\s+)?as\s+|of\s+)?(?:the\s+)?(?P<birth>\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d|\d{1,2}(?:st|nd|"
    r"rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(?:19|20)\d\d)(?!\d)|"
    # (a blood group: "we've got you down as O negative")
    r"(?<=\bas\s)(?P<group>(?-i:AB|A|B|O)\s*(?:pos(?:itive)?|neg(?:ative)?|[+-]))(?!\w)",
    re.IGNORECASE,
)


def _read_back_in_public(sentence: str, previous: str, answer: str) -> tuple[int, int, str] | None:
    """(start, end, data) of a question whether the reader's postcode or number, read back in the sentence before,
    is right, where the answer is not sent by a private channel named there or in the sentence after, or None."""
    from postcheck.text.pii import STREET_ADDRESS

    dash = _DASH_BEFORE_QUESTION.search(sentence)
    if dash and _STILL_RIGHT.match(sentence, dash.end()):
        previous, asked = sentence[: dash.start()], sentence[dash.end() :]
    else:
        asked = sentence
    number = None
    yours = _IS_THAT_YOUR.match(asked)
    if (_IS_THAT_THEM.match(asked) or _STILL_RIGHT.match(asked)) and _NAME_ON_FILE.search(previous):
        named = "name"
    elif yours and (number := _READ_BACK.search(previous) or _BARE_DATE.search(previous)):
        data = " ".join(yours.group("data").lower().split())
        named = _YOUR_DATA.get(data, data)
    elif not _STILL_RIGHT.match(asked) or not _READERS_THING.search(previous):
        return None
    elif number := _READ_BACK.search(previous):
        kinds = {"postcode": "address", "group": "blood group", "birth": "date of birth"}
        named = next((kinds[k] for k in kinds if number.group(k)), "phone number")
        if named == "phone number" and _NHS_NUMBER_BEFORE.search(previous, 0, number.start()):
            named = "NHS number"
    # (a street address too: "the discharge letter was sent to 14 Oak Tree Road, Basildon. Is that still right?")
    elif STREET_ADDRESS.search(previous):
        named = "address"
    # (or what a record lists: "We've got Leo's allergies down as peanut, sesame and kiwi")
    elif care := _CARE_READ_BACK.search(previous):
        named = care.group(1).lower()
    else:
        return None
    both = f"{sentence} {answer}"
    if number is not None:  # (the number read back calls no one: "under your mobile, 07700 900 482 - is that ...?")
        both = both.replace(number.group(), " " * len(number.group()))
    if names_private_channel(both) and not names_public_place(both):
        return None
    return 0, len(sentence.rstrip()), named


# ... or the question names the reader's data it read back: "We found a booking at the nail clinic under 14/03/1958. Is
# that your date of birth?"
_IS_THAT_YOUR = LazyPattern(
    r"\s*(?:is|are)\s+(?:that|this|it)\s+(?:still\s+)?(?:your|ur|his|her|their)\s+(?:[\w-]+'s\s+)?(?P<data>date\s+of\s+birth|"
    r"DOB|postcode|NHS\s+number|mobile(?:\s+number)?|phone\s+number)\s*\?",
    re.IGNORECASE,
)
_YOUR_DATA = {
    "dob": "date of birth",
    "nhs number": "NHS number",
    "mobile": "phone number",
    "mobile number": "phone number",
}
_BARE_DATE = LazyPattern(r"(?<![\w/.])\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d(?![\w/]|\.\d)")
_NHS_NUMBER_BEFORE = LazyPattern(r"\b(?:NHS|hospital)\s+(?:number|no\b\.?)\s*(?:is\s+|as\s+|of\s+)?$", re.IGNORECASE)
_CARE_READ_BACK = LazyPattern(r"\b(allergies|medicines|medications?|meds|due\s+date)\s+(?:down\s+)?as\b", re.IGNORECASE)


# ... or a name read back from a record, the reader asked whose it is: "We've found a plan on file under the name Maria
# Lopes Ferreira. Is that your daughter? Reply yes or no below."
_NAME_ON_FILE = LazyPattern(
    # ("We've got your dad down as Mr Ronald Pearce at Thornton Lodge")
    r"\b(?:under\s+the\s+name(?:\s+of)?|(?:on\s+file|booked|registered|recorded|listed|down)\s+in\s+the\s+name\s+of|"
    r"(?:got|have)\s+(?:you|u|him|her|them|(?:your|ur)\s+[\w'-]+)\s+down\s+as(?:\s+(?-i:Mr|Mrs|Ms|Miss|Dr)\.?)?)\s+"
    r"(?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+)",
    re.IGNORECASE,
)
_IS_THAT_THEM = LazyPattern(
    r"\s*(?:is|are)\s+(?:that|this|it|they)\s+(?:you|u|(?:your|ur)\s+[\w-]+|him|her|them)\s*\?", re.IGNORECASE
)


# (The reader's: "your letter went to", "the letter was sent to", "we have your mobile down as"; not "Your appointment
# is at the SS6 7HL clinic".)
_READERS_THING = LazyPattern(
    r"\bthe\s+(?:[\w-]+\s+)?(?:letter|card|parcel|delivery|kit)\s+(?:was\s+sent|was\s+posted|went)\s+to\b|"
    r"\b(?:your|ur)\s+(?:[\w-]+\s+)?(?:letters?|address|home|house|flat|post|card|parcel|delivery|kit|mobile|number|"
    r"phone|landline|contact\s+details)\b|\bwe\s+have\s+(?:you|u)\b|"
    # ("We have Mia's appointment letter going to", "the district nurse has you down at", "the agency has your mum at")
    r"\bletters?\s+(?:going|being\s+sent|being\s+posted)\s+to\b|"
    # ("we've got your mum's address as", "We have Freddie's date of birth as")
    r"\b(?:has|have|got)\s+(?:you|u|him|her|them|(?:(?:your|ur)(?:\s+[\w'-]+'s)?|(?-i:[A-Z])[\w-]+'s)\s+(?:home\s+)?(?:address|"
    r"number|mobile|postcode|date\s+of\s+birth|DOB|details|allergies|medicines|medications?|meds)|(?:your|ur)\s+[\w'-]+)\s+(?:down\s+)?(?:at|as|living\s+at)\b|"
    # ("our records show your due date as 3 January")
    r"\b(?:records?|system|notes)\s+(?:show|shows|say|says|list|lists|ha(?:s|ve))\s+(?:you|your|ur)\b|"
    # ("the practice has Maisie down with a DOB of")
    r"\bdown\s+with\s+(?:an?\s+|the\s+)?(?:DOB|date\s+of\s+birth|address|postcode|(?:phone\s+|mobile\s+)?number|mobile)\b|"
    # ("We posted it to", "we sent your new pass to")
    r"\b(?:we|I)(?:'ll|\s+will)?\s+(?:post|send|deliver|posted|sent|mailed|delivered)\s+(?:it|them|(?:the|your|ur)\s+"
    r"(?:[\w-]+\s+){0,4}?[\w-]+)\s+to\b|"
    # ("the bags are booked for delivery to", "We have the new transmitter going to")
    r"\bfor\s+delivery\s+to\b|\bwe\s+have\s+(?:the|your|ur)\s+(?:[\w-]+\s+){0,3}?going\s+to\b|"
    # ("We've got the replacement hearing aid going out to", "the hoist being delivered to your dad at", "the new
    # testing strips went to", "the dietitians have you on 07700 ...", "a referral for Alfie with his date of birth as")
    r"\b(?:going\s+out|being\s+(?:sent|delivered|posted)|delivered|went)\s+to\b|"
    r"\b(?:has|have|got)\s+(?:you|u|him|her|them)\s+(?:down\s+)?on\b|"
    r"\b(?:with|under)\s+(?:the|your|ur|his|her|their)\s+(?:date\s+of\s+birth|DOB)\b|\bunder\s+(?:the\s+)?(?:NHS|hospital)\s+number\b",
    re.IGNORECASE,
)


# A verbless request in a reply: the data opens its clause and a public place follows it, "DOB and postcode below and
# we'll look it up", "Full name, DOB and ward in a reply" (not "Postcodes below are the ones we cover").
_OPENS_CLAUSE = LazyPattern(
    # (After a name listed first: "Full name & DOB below".)
    r"(?:^|[.!?:;]|\s[-–—])\s*(?:(?:your|their|ur|and|full|the\s+patient'?s)\s+)*"
    r"(?:(?:full\s+|first\s+|sur)?name\s*(?:,|&|\+|and)\s*(?:your\s+|their\s+)?)?$",
    re.I,
)
_STATEMENT_WORD = LazyPattern(
    r"\b(?:is|are|was|were|will|would|can|could|has|have|had|should|be|been|not|no|never)\b|[.!?;:]", re.IGNORECASE
)


# What may follow the place in such a request: its end, "and we'll...", "please", "so we can...", "would be perfect".
_REQUEST_END = LazyPattern(
    r"\s*(?:$|[^\w\s:]|(?:and|please|pls|plz|so|then|thanks|thank\s+you|thx)\b|"
    r"(?:would|will)\s+be\s+(?:\w+\s+)?(?:great|perfect|ideal|brilliant|lovely|helpful|fab|fine|amazing|handy|ace)\b)",
    re.IGNORECASE,
)
# An emoji pointing down stands for "below": "DOB + postcode pls 👇".
_POINTING_DOWN = LazyPattern("(?:\U0001f447|\u2b07|\u2935|\U0001f53d)\ufe0f?")
# A polite lead before the request opens it as the sentence's start would: "If you don't mind, your date of birth ... in
# a reply would be perfect" (its "don't" negates nothing asked).
_POLITE_LEAD = LazyPattern(
    r"\s*(?:if\s+(?:you\s+(?:don't|do\s+not|wouldn't|would\s+not)\s+mind|(?:that's|that\s+is|it's|it\s+is)\s+"
    r"(?:ok|okay|alright|all\s+right|fine))|when\s+you\s+(?:can|get\s+a\s+(?:chance|moment|sec|minute)))\s*,\s*",
    re.IGNORECASE,
)
# The data listed on before the place: "your date of birth and the name on the booking in a reply".
_LIST_GOES_ON = LazyPattern(r"\s*(?:,|&|\+|and\b)", re.IGNORECASE)


# ... or a reply's list of data and "please", with no place named: the answer goes under the reply ("DOB + surgery pls
# and we'll chase x", "Your full name and date of birth please").
_PLEASE_AFTER = LazyPattern(
    r"(?:\s*(?:\+|&|,|and)\s*(?:your\s+|the\s+)?[\w'-]+(?:\s+[\w'-]+)?){0,3}?\s*,?\s+(?:please|pls|plz)\b",
    re.IGNORECASE,
)


def _listed_please(sentence: str) -> tuple[int, int, str] | None:
    for data in PERSONAL_DATA.finditer(sentence):
        please = _PLEASE_AFTER.match(sentence, data.end())
        if please and _OPENS_CLAUSE.search(sentence, max(0, data.start() - 40), data.start()):
            return data.start(), please.end(), data.group()
    return None


def _verbless_request(sentence: str) -> tuple[int, int, str] | None:
    lead = _POLITE_LEAD.match(sentence)
    opens = lead.end() if lead else 0
    # The first negation: data after it is negated ("we'll never ask for...").
    negation = _NEGATED_MENTION.search(sentence, opens)
    for data in PERSONAL_DATA.finditer(sentence, opens):
        if negation is not None and negation.end() <= data.start():
            return None
        if lead and data.start() - opens <= 40:
            if not _OPENS_CLAUSE.search(sentence[opens : data.start()]):
                continue
        elif not _OPENS_CLAUSE.search(sentence, max(0, data.start() - 40), data.start()):
            continue
        end = min(len(sentence), data.end() + 60)
        found = (pattern.search(sentence, data.end(), end) for pattern in (PUBLIC_PLACE, _POINTING_DOWN))
        places = [place for place in found if place]
        if not places:
            return None
        place = min(places, key=lambda p: p.start())
        between = sentence[data.end() : place.start()]
        most = 7 if _LIST_GOES_ON.match(between) else 4
        if (
            len(between.split()) > most
            or _STATEMENT_WORD.search(between)
            or not _REQUEST_END.match(sentence, place.end())
        ):
            return None
        return data.start(), place.end(), data.group()
    return None


# Quoted speech of three words or more is someone else's request, reported: "an account replied asking people to
# 'share your NHS number below' - it isn't us". A quoted label ("your 'full name'") stays part of the sentence.
# An apostrophe inside a word ('don't') does not close a single quote.
# Each kind of quotation is read as its opening mark, what follows up to the mark (or line end) that ends it, and three
# words in between: found by searching forward, never by backtracking over the text, so that a long text of openings
# that never close ("Dob: 3rd April '51 - " again and again) takes linear time.
QUOTES = (
    # (opening, what ends the quotation or the attempt, three words between, the marks that close it)
    (LazyPattern(r"(?<![\w'])'(?=\w)"), LazyPattern(r"'(?!\w)|\n"), LazyPattern(r"\w[^\w'\n]+\w+[^\w'\n]+\w"), "'"),
    (LazyPattern(r"[\"“]"), LazyPattern(r"[\"“”\n]"), LazyPattern(r"\w[^\w\"“”\n]+\w+[^\w\"“”\n]+\w"), '"”'),
)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` quotes three words or more, in single quotes and then in double ones. An opening mark is closed by
    the first mark after it that can close it, so when one fails, every opening before that mark fails too."""
    spans = []
    for opening, end, words, closes in QUOTES:
        i = 0
        while (start := opening.search(text, i)) is not None:
            stop = end.search(text, start.end())
            if stop is None:
                break  # nothing closes this quotation, nor any after it
            if text[stop.start()] in closes and words.search(text, start.end(), stop.start()):
                spans.append((start.start(), stop.end()))
                i = stop.end()
            else:
                i = stop.start()  # a double quotation's failed end may open the next
    return spans


# A name put on a list, a register or a petition, or put forward or down for something, is signed up, not written in
# public: "Add your name to our mailing list at nhs.uk/signup", "Put your name down for the 10k", "Put your name
# forward for the Staff Awards" (not "Add your name and date of birth in the comments", where the sentence names a
# public place).
_SIGNED_ONTO = LazyPattern(
    r"\s+(?:forward|down\s+(?:for|to|on|at|with)\b|(?:to|on|onto)\s+(?:our|the|a|an|this|your)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:list|lists|rota|register|petition|pledge|book|database|sheet|form|waiting\s+list|mailing\s+list|newsletter|roll))\b",
    re.IGNORECASE,
)
_A_NAME = LazyPattern(r"(?:(?:full|first|last)\s+)?name|surname", re.IGNORECASE)
_A_LIST = LazyPattern(r"\b(?:rota|sign-?up\s+sheet|register|mailing\s+list|waiting\s+list|petition)\b", re.IGNORECASE)


def _signed_onto(sentence: str, data: re.Match[str]) -> bool:
    """Whether the data asked for is a name put on a list or put forward ("Add your name to our petition"), or added
    where the sentence names the list ("the stall rota is on the shared drive - please add your name by Friday")."""
    return bool(
        _A_NAME.fullmatch(data.group())
        and (_SIGNED_ONTO.match(sentence, data.end()) or _A_LIST.search(sentence, 0, data.start()))
    )


# Every match of PERSONAL_DATA, _PLACE_THEN_LIST, a kin's name (_kin_name) or a copy asked for (_COPY_IT) holds one of
# these, in a text lower-cased with each run of white space made one space ("NHS\n number" -> "nhs number"): most posts
# hold none, and a few substring tests spare them the long searches. Only ASCII text is gated (in other text IGNORECASE
# matches "\u017f" with "s", "\u212a" with "k"). A word added to those patterns needs its hint here, as narrow as
# it can be ("pic" would pass every post that names "picture-01.png"): tests/test_moderation_cases.py checks every
# match in the cases, posts and rule pages.
_DATA_HINTS = (
    "nhs n", "hosp", "birth", "born", "dob", "d.o.b", "detail", "name", "numb", "phone no", "mobile", "landline",
    "mail", "address", "postcode", "post code", "addy", "reg", "diagnos", "medic", "health cond", "allerg", "meds",
    "tablet", "pill",
    "inhaler", "tak", "deets", "of your", "of their", "of the patient", "of it", "of them", "screenshot", "photo",
    "snap", "scan", "pic of", "pics of", "picture of", "pictures of", "image of", "images of", "copy of", "copies of",
    "screengrab", "prescri", "perscri", "of ur ", "of the letter", "of that letter", "of this letter", "street ",
    "road ", "label on ", "dispensing label", "pharmacy label", "prescription label", "chemist label", "chemists label",
    "chemist's label", "selfie", "contact", "dose of", "dose are", "dose is", "dose r", "strength", "discharge letter",
    "appointment letter", "referral letter", "clinic letter", "outpatient", "result letter", "results letter",
    "screening letter", "invitation letter", "booking letter", "vaccination letter", "gp letter", "security code",
    "verification code", "login code", "log-in code", "one-time code", "authentication code", "passcode", "password",
    "login details", "log-in details", "due date", "edd", "baby due", "one due", "bump due",
    "thinner", "antihistamine", "antidepressant", "antipsychotic", "stabiliser", "stabilizer", "blocker",
    "contracepti", "coil", "eye drop", "drops ", "cream", "handle",
    "biologic", "pitch n", "amh", "ahi", "egfr", "bmi", "hba1c", "psa", "inr", "tsh", "semen", "sperm count",
    "sleep study", "phq", "gad-7", "gad7", "cpap", "igra", "mantoux", "cd4", "viral load",
    "liver function", "lft", "hep b", "hep c", "hepatitis", "hiv ", "tb ", "sti ", "chlamydia", "smear", "biopsy",
    "machine set", "concentrator", "flow rate", "last period", "licence n", "license n",
    "check code", "patient n", "patient id", "'s reg", "stims", "injection", "consent form", "which site",
    "what site", "which pitch", "what pitch", "share code",
    "eyedrop", "hrt", "insulin", "statin", "gel ", "gels", "paint", "melts", "mri ",
    "ct scan", "ct report", "x-ray", "xray", "ultrasound", "discharge summ", "reference on", "op date", "surgery date",
    "operation date",
    "symptom", "school", "nursery", "college", "room n", "room no", "bed n", "which room", "what room", "which bed",
    "what bed",
    "antibiotic", "painkiller", "supplement", "vitamin", "mccd", "reading", "result", "level", "score", "waiting",
    "injur", "illness", "condition", "diagnosis",
    "passport", "where to send", "where to post", "court order", "molestation order", "occupation order",
    "protection order", "restraining order", "steps order", "scripted",
    "hiv status", "hep b status", "hep c status", "hepatitis b status", "hepatitis c status", "sti status",
    "brp n", "arc n", "residence permit", "home office reference", "digit pin", "pin number", "pin code",
    "last three readings", "latest readings", "recent readings", "last readings", "test form", "pathology form",
    "care plan", "safety plan", "crisis plan", "ehcp", "ehc plan", "service n", "military n", "army n",
    "forces n", "wristband",
    "vaccination status", "vaccine status", "immunisation status", "immunization status", "covid status",
    "where we should", "where we can", "where we could", "where i should", "where i can", "where i could",
    "where should", "where shall", "where can", "admitted", "discharged", "sent home", "admission",
    "referral ref", "referral num", "referral no", "ers ref", "e-rs ref", "ubrn", "staff n", "staff id", "payroll",
    "employee n", "employee id", "assignment n", "esr n", "right?", "right ?", "correct?", "correct ?", "date?",
    "current?", "copy of his", "copy of her", "still right", "still correct",
    "laxative", "steroid", "patch", "brand", "gamertag", "gamer tag", "username", "user name", "ca125", "ca-125",
    "under the name", "in the name of", "donor n", "donor id", "blood type", "blood group", "genotype",
    "carrier status", "hb ", "haemoglobin", "hemoglobin", "audiogram", "x-ray", "xray", "ecg", "ointment",
    "treatments you", "treatment you", "treatments u", "treatment u", "treatments are", "treatment are",
    "treatment is", "treatments have", "treatment have", "treatment has", "treatments do", "treatment do",
    "treatment did", "treatments worked", "treatment worked", "treatments helped", "treatment helped", "are on your",
    "is on your", "are on ur", "is on ur", "date of", "day of", "year of", "month of", " had your", " had ur",
    " had his", " had her", " had their", " had the ", "did you have", "did u have", "did he have", "did she have",
    "did they have", "chart", "diary", "diaries", " log", "number should", "measurements", "psa history",
    "family history", "smear history", "screening history", "surgical history", "cancer history",
    "mental health history", "sexual history", "drinking history", "smoking history", "treatment history", "abpi",
    "compression class", "stockings", "hosiery", "dressing", "did the ", "did your ", "did ur ", "did his ",
    "did her ", "did their ", "react", "allergic", "much does", "much do ", "much did", "worked for", "helped you",
    "helped u", "helped him", "helped her", "helped them", "helped your", "pen do", "pens do", "pen did", "injector",
    "sensor do", "sensors do", "pump do", "pumps do", "monitor do", "meter do", "meters do", "ketone", "been keeping",
    "been filling", "slip", " test",
)  # fmt: skip
_PLACES = ("below", "underneath", "here", "comment", "comments", "replies", "reply", "thread", "chat", "post", "tweet")
_PLACE_HINTS = tuple(place + then for place in _PLACES for then in (":", " :", " -"))


_DASHES = str.maketrans("–—", "--")


def _may_name_data(text: str) -> bool:
    """Whether `text` may name personal data (PERSONAL_DATA) or list it after a public place (_PLACE_THEN_LIST)."""
    if not text.isascii() and any(ch.isalpha() for ch in text if not ch.isascii()):
        return True  # (letters of other alphabets, whose words the hints do not hold; emoji alone need no pass)
    words = " ".join(text.lower().translate(_DASHES).split())
    return any(hint in words for hint in _DATA_HINTS) or any(hint in words for hint in _PLACE_HINTS)


_BAR = LazyPattern(r"(?<=\s)\|(?=\s)")


def public_request(text: str, *, reply: bool) -> tuple[int, int, str] | None:
    """(start, end, the data it names) of the first sentence that asks for personal data to be written in public,
    or None. A reply's question asks too ("What's your date of birth?"); a request for a direct message does not,
    nor one whose sentence before asks for one ("Please send us a DM. Include your NHS number."), nor one whose
    sentence after sends it by one ("What's your date of birth? Please DM it to us"). Where the patterns find none,
    the word model may (`_read_by_model`)."""
    # (A bar between a title's parts ends a sentence: "Pelvic floor after birth | comment your due date".)
    text = _BAR.sub(".", unwrap(text.translate(APOSTROPHES)))
    if ":" in text and (template := _template_in_public(text)) is not None:
        return template
    # (Bare data words are read only after a public place and a colon or dash: a list is looked for only there; a
    # pronoun's name only after someone of the reader's.)
    if not _may_name_data(text) or not (
        PERSONAL_DATA.search(text)
        or _PLACE_THEN_LIST.search(text)
        or _kin_name(text)
        or (
            (_COPY_IT.search(text) or _A_COPY_OF_IT.search(text))
            and (_READERS_DOCUMENT.search(text) or _CARE_NAMED.search(text))
        )
        or (_COPY_OF_PAPER.search(text) and (reply or _CARE_NAMED.search(text)))
        or _CARE_PAPER_POSTED.search(text)
        or (
            reply
            and (
                _VALUE_FIRST.search(text)
                or _READ_BACK.search(text)
                or _STILL_RIGHT.search(text)
                or _IS_THAT_YOUR.search(text)
                or _NAME_ON_FILE.search(text)
            )
        )
    ):
        return None
    text = _listed_on(_unlisted(_unquoted(text)))
    sentences = [s for s in SENTENCE.finditer(text) if s.group().strip()]
    previous = older = ""
    care_named = _CARE_NAMED.search(text) is not None  # (what "the letter" is about: _copy_of_paper)
    for at, sentence in enumerate(sentences):
        body = sentence.group()
        data = requested_data(body, questions=reply)
        public = True  # (a request by reference, or a verbless one, names its public place)
        asked_only = False  # whether only a reply's question asks for it
        if (
            data is not None
            and data.group().lower() == "number"
            and (_COUNT_ASKED.search(f"{previous} {body}") or _OPTIONS.search(text, 0, sentence.start()))
        ):
            data = None  # a count or a poll's option: "How many days smoke-free are you? Drop your number below"
        if data is not None:
            found = data.start(), data.end(), data.group()
            public = _asked_in_public(body, data) or _reply_beside_private(body, data)
            asked_only = reply and not public and requested_data(body) is None
        else:
            found = requested_by_reference(body, previous, older) or (_verbless_request(body) if reply else None)
            if found is None and reply:
                found = _question_for_it(body, previous) or _listed_please(body)
                public = names_public_place(body)
            if found is None and reply:
                answer = _following(sentences, at)
                found = _confirmed_in_public(body, answer) or _read_back_in_public(body, previous, answer)
                public = found is not None  # (read with its channels, less the number it reads back)
            if found is None and (care_named or reply):
                found = _copy_of_paper(body, previous, _following(sentences, at), reply=reply, care_named=care_named)
                public = found is not None  # (read with its channels)
        if found is not None and (
            # (A correction may take a sentence of its own: "... sorry, wrong template! Please DM it instead.")
            _corrected_to_private(f"{body[found[1] :]} {_following(sentences, at)} {_following(sentences, at + 1)}")
            or _DISOWNED.match(_following(sentences, at))
        ):
            found = None  # "... sorry, I meant DM us it, not here!", "... The NHS will never ask you to do this."
        if found is not None and (
            public
            or not (
                names_private_channel(body, found[:2])
                or (
                    previous
                    and names_private_channel(_NHS_LINE.sub(" ", previous))
                    and not _CANT_SEE.search(previous)
                    and not _MEANWHILE.match(body)
                )
                or _sent_privately(*(s.group() for s in sentences[at + 1 : at + 3]))
                or (asked_only and _answered_privately(*(s.group() for s in sentences[at + 1 : at + 3])))
            )
        ):
            start, end, named = found
            return sentence.start() + start, sentence.start() + end, named
        previous, older = body, previous
    return _read_by_model(text)


# A request the writer corrects at once: "... sorry, I meant please DM us your date of birth, not here!"
_I_MEANT = LazyPattern(
    r"\b(?:sorry|oops|correction)\W+(?:\w+\W+){0,2}?(?:(?:I|we)\s+meant\b(?:\s+to\s+say)?|"
    # ("Could you reply with your date of birth... sorry, wrong template! Please send it by DM instead")
    r"wrong\s+(?:template|message|reply|post|text)\b|(?:ignore|scratch)\s+that\b)",
    re.IGNORECASE,
)


# A request the sentence after disowns, as a scam's: "... saying they must reply with their passport number. The NHS
# will never ask you to do this."
_DISOWNED = LazyPattern(
    r"\s*(?:the\s+NHS|we|your\s+(?:GP|practice)|the\s+practice|no\s?one\s+from\s+(?:the\s+NHS|us))\s+(?:will\s+|would\s+)?"
    r"(?:never|not|doesn't|does\s+not|don't|do\s+not|won't)\s+(?:ever\s+)?(?:ask|request)\s+(?:(?:you|anyone|people)\s+)?"
    r"(?:to\s+do\s+(?:this|that)|for\s+(?:it|this|that|them|these|those))\s*(?:[.!]|$)",
    re.IGNORECASE,
)


def _following(sentences: list[re.Match[str]], at: int) -> str:
    return sentences[at + 1].group() if at + 1 < len(sentences) else ""


def _corrected_to_private(rest: str) -> bool:
    """Whether `rest`, what follows a request, corrects it to a private channel, with no public place after."""
    meant = _I_MEANT.search(rest)
    if meant is None:
        return False
    correction = rest[meant.end() :]
    return names_private_channel(correction) and not names_public_place(correction)


_COUNT_ASKED = LazyPattern(r"\bhow\s+(?:many|much|long)\b", re.IGNORECASE)
_OPTIONS = LazyPattern(r"^[ \t]*[1-9][ \t]*[-–—=:.)][ \t]", re.MULTILINE)  # "1 - I knew them all" on its own line
# An NHS line the sentence before sends the reader to is not where the data is to go: "Please call 111 now. So we can
# chase your referral, can you reply with your date of birth?"
_NHS_LINE = LazyPattern(rf"\b{_CALL}\s+(?:NHS\s*)?(?:111|119|999)\b", re.IGNORECASE)


# The sentence after a request may send what it asked for by a private channel, referring back to it: "What's your date
# of birth? Please DM it to us", "Can you tell us your NHS number? Send it by private message". (Not as an alternative:
# "Reply with your date of birth. Or DM it if you'd rather" leaves the reply asked for.)
# (What is sent, not what a message is about: not "Then ring us about it".)
_REFERS_BACK = LazyPattern(
    r"(?<!\babout\s)(?<!\binto\s)(?<!\b(?:of|on)\s)\b(?:it|them|that|(?:these|those)(?:\s+details)?)\b"
    r"(?!'s|\s+(?:is|are|was|were)\b)",
    re.IGNORECASE,
)
_ALTERNATIVE = LazyPattern(
    r"^\s*(?:or|alternatively|otherwise|else)\b|\bif\s+(?:you'd|you\s+would|u'd|u\s+would)\s+(?:rather|prefer)\b|"
    r"\bif\s+(?:you|u)\s+prefer\b",
    re.IGNORECASE,
)
# (An order's verb that ends as an "-ing" form does, which _ORDER_LEAD passes over: "Ring us with that on ...".)
_RING = LazyPattern(r"(?:you\s+can\s+|u\s+can\s+)?(?:ring|bring)\b", re.IGNORECASE)


# ... or tells that the service will need it by that channel: "We'll need it when you ring", "Reception will ask for
# them on the phone".
_NEEDED_THERE = LazyPattern(
    r"\b(?:we'll|we\s+will|they'll|they\s+will|(?:reception|the\s+\w+)\s+will)\s+(?:need|ask\s+(?:you\s+)?for|take)\s+"
    r"(?:it|them|that|those(?:\s+details)?)\b",
    re.IGNORECASE,
)


def _sent_privately(following: str = "", after: str = "") -> bool:
    """Whether `following`, the sentence after a request that names no public place, orders what it asked for sent by a
    private channel: the reader is to send "it" (them, those details...) there, in one clause ("Please DM it to us";
    not "We'll look into it and DM you"), and no public place is offered there or in an alternative after it ("DM it
    to us. Or just reply here")."""
    if not following or _ALTERNATIVE.search(following) or names_public_place(following):
        return False
    if after and _ALTERNATIVE.search(after) and names_public_place(after):
        return False
    if _NEEDED_THERE.search(following) and names_private_channel(following):
        return True  # "What's your date of birth? We'll need it when you ring 0300 123 4567"
    for pronoun in _REFERS_BACK.finditer(following):
        starts = list(_CLAUSE_START.finditer(following, max(0, pronoun.start() - _LOOK_BACK), pronoun.start()))
        start = starts[-1].end() if starts else max(0, pronoun.start() - _LOOK_BACK)
        stop = _CLAUSE_START.search(following, pronoun.end(), pronoun.end() + _LOOK_BACK)
        clause = following[start : stop.start() if stop else pronoun.end() + _LOOK_BACK]
        lead = _plain(clause)
        if (
            (_ORDER_LEAD.match(lead) or _RING.match(lead))
            and not _NEGATED_MENTION.search(clause)
            and names_private_channel(clause)
        ):
            return True
    return False


# A reply's question is answered where the sentence after it orders a private channel: "What medication are you on?
# Please DM us and we'll check" (not "... Let us know in the comments", nor "... Or DM us if you'd rather").
_PLEASE = LazyPattern(r"\s*(?:please|pls|plz|just|can\s+you|could\s+you)\b", re.IGNORECASE)


def _answered_privately(following: str = "", after: str = "") -> bool:
    """Whether `following`, the sentence after a reply's question, orders the answer sent by a private channel, with
    no public place offered as an alternative after it ("Please DM us. Or reply here if you'd rather")."""
    if not following or _ALTERNATIVE.search(following) or names_public_place(following):
        return False
    if not names_private_channel(following) or (after and _ALTERNATIVE.search(after) and names_public_place(after)):
        return False
    return bool(_PLEASE.match(following) or _ORDER_LEAD.match(_plain(following)))


# A numbered list's markers inside a sentence: "comment below with 1. your name 2. who you care for 3. your postcode"
# (two at least, each before a lower-case word, so that "The clinic opens at 9. Reply below" keeps its full stop).
_LIST_MARKER = LazyPattern(r"(?<![^\s:(])[1-9][.)](?=[ \t]+[a-z])")


def _unlisted(text: str) -> str:
    """`text` with a numbered list's markers blanked (same length: offsets hold), so that its items read as a list."""
    markers = _LIST_MARKER.finditer(text)
    if next(markers, None) is None or next(markers, None) is None:
        return text
    return _LIST_MARKER.sub(lambda m: " " * len(m.group()), text)


# A list on the lines after a colon, each line opening with a mark: "Comment below with:\nA - your postcode\nB - your
# age".
_LIST_LINES = LazyPattern(r":[ \t]*(?:\n[ \t]*(?:[A-Za-z0-9][.)]|[A-Za-z][ \t]*[-–—:]|[-•*·▪])[ \t][^\n]*)+")


def _listed_on(text: str) -> str:
    """`text` with the line breaks of a list after a colon made spaces (same length: offsets hold), so that the list
    reads as the object of the sentence the colon ends."""
    if ":" not in text:
        return text
    return _LIST_LINES.sub(lambda m: m.group().replace("\n", " "), text)


# A template of labels to copy into a public reply and fill in, each alone on its line after the line that asks, a
# blank line between allowed: "Copy this into a reply and fill it in:\nName:\nDate of birth:", "**Address:**".
_TEMPLATE = LazyPattern(
    r"^(?P<lead>[^\n]*\b(?:copy|paste|fill)\b[^\n]*):[ \t]*\n(?:[ \t]*\n)?"
    r"(?P<labels>(?:[ \t]*(?:\*\*)?[A-Z][\w' ]{1,30}:(?:\*\*)?[ \t]*(?:\n|$))+)",
    re.IGNORECASE | re.MULTILINE,
)
_FORM = LazyPattern(r"\bforms?\b", re.IGNORECASE)
_INTO_PUBLIC = LazyPattern(r"\b(?:repl(?:y|ies)|comments?|below|here|thread)\b", re.IGNORECASE)
_LABELLED_DATA = LazyPattern(
    # ("Child's name:")
    r"^[ \t]*(?:\*\*)?(?P<data>(?:[\w-]+'s\s+)?(?:(?:full|first|last)\s+)?(?:sur)?name|(?:home\s+)?address|"
    r"date\s+of\s+birth|DOB|"
    r"(?:phone|mobile|contact)(?:\s+number)?|post\s?code|NHS\s+(?:number|no\.?))(?:\*\*)?:",
    re.IGNORECASE | re.MULTILINE,
)


def _template_in_public(text: str) -> tuple[int, int, str] | None:
    """(start, end, data) of a template of personal data's labels to be filled in and posted in public, or None."""
    for template in _TEMPLATE.finditer(text):
        lead = template.group("lead")
        if (names_private_channel(lead) and not names_public_place(lead)) or _FORM.search(lead):
            continue  # (nor a form's fields: "Fill in the form here:\nName:")
        label = _LABELLED_DATA.search(template.group("labels"))
        if label is not None and (names_public_place(lead) or _INTO_PUBLIC.search(lead)):
            return template.start(), template.end(), label.group("data")
    return None


def _unquoted(text: str) -> str:
    """`text` with what it quotes blanked (same length: offsets hold): a quoted request is someone else's."""
    if "'" not in text and '"' not in text and "“" not in text:
        return text
    return masked(text, _quoted_spans(text))


# From here M105's word model (word_model.py) alone reports a text the patterns found no request in: chosen on batches
# it had not seen (`bench/word_models.py --measure`).
REPORT_FROM = 0.75


def named_openly(text: str) -> re.Match[str] | None:
    """The first personal data a text names outside a negation and outside quotation marks, where it names no private
    channel (or a public place as well): what M105's word model is asked about."""
    return _named_openly(_unquoted(unwrap(text.translate(APOSTROPHES))))


def _named_openly(text: str) -> re.Match[str] | None:
    """named_openly, on a text read as public_request reads it."""
    if names_private_channel(text) and not names_public_place(text):
        return None
    return next((data for s in SENTENCE.finditer(text) if (data := _named_data(s.group())) is not None), None)


def _read_by_model(text: str) -> tuple[int, int, str] | None:
    """(start, end, the data it names) of the sentence that reads most like a request, where the model is fairly
    sure that the text asks for personal data in public; it has no say on a text too short for it to know."""
    data = _named_openly(text)
    if data is None:
        return None
    model = word_model.load(word_model.REQUESTS)
    likely, known = word_model.read(text, model)
    if known < word_model.MIN_FEATURES or likely < REPORT_FROM:
        return None
    start, end, _ = word_model.strongest_sentence(text, model)
    return start, end, data.group()
