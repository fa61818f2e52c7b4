"""Medical advice in a reply (M104): a medical topic, with advice or reassurance about it, and whether the reply
points to a GP, pharmacy, NHS 111 or 999."""

from __future__ import annotations

import re
from collections.abc import Iterator

from postcheck.text import APOSTROPHES, SENTENCE_TEXT, LazyPattern, masked, unwrap, word_model

# M104's word model (word_model.py): its thresholds, chosen on batches it had not seen (bench/word_models.py --measure).
REPORT_FROM = 0.6  # the model alone reports a reply read whole from here
SURE = 0.75  # ... and from here where the reply names no medical matter and nothing of a body or how someone is
OVERRULE_BELOW = 0.2  # below this, read whole and sentence by sentence, the model overrules the patterns
OVERRULE_FEATURES = 15  # ... on a reply of this many known features or more ("safe while breastfeeding too" has fewer)

_MEDICINES = (
    # (Not "the medicines team", "a medication review": a service.)
    # (Nor a tablet computer: "Keep the tablet plugged in overnight".)
    r"(?:medicines?|medications?|meds)(?!\s+(?:teams?|management|optimisation|services?|(?:help)?lines?|reviews?|orders?))|"
    r"tablets?(?!\s+(?:(?:is\s+|stays?\s+)?(?:plugged|charged|charging|switched|locked)|screens?|computers?|devices?|apps?|"
    r"chargers?|stands?|cases?)\b|'s\s+(?:screen|battery|charger|app))|pills?|capsules?|paracetamol|ibuprofen|aspirin|antibiotics?|antihistamines?|"
    r"inhalers?|inhalators?|(?<!stress\s)(?<!stress-)(?:relievers?|preventers?)(?:\s+inhalers?)?|(?:adrenaline\s+)?auto-?injectors?|"
    r"(?:adrenaline|allergy|expired|out-of-date|out\s+of\s+date)\s+pens?|syringe\s+drivers?|epi-?pens?|jext|emerade|catheters?|insulin|gaviscon|rennie|calpol|nurofen|lemsip|piriton|sudafed|imodium|canesten|anadin|strepsils|"
    r"beechams|creams?|ointments?|(?<!hand\s)(?<!hand-)gels?|moisturisers?|emollients?|lozenges?|painkillers?|rehydration\s+sachets?|"
    r"eye\s?drops|nasal\s+sprays?|honey(?:\s+and\s+lemon)?|salt(?:y)?\s+water|hot\s+water\s+bottles?|ice(?:\s+packs?)?|"
    r"aftersun|balms?|calamine(?:\s+lotion)?|saline|vapou?r\s+rub|plasters?|cotton\s+buds|teething\s+(?:rings?|gel)|"
    r"(?:nit|detection)\s+combs?|fine-tooth\s+comb|dioralyte|bonjela|anbesol|olbas|vicks|deep\s+heat|ibuleve|voltarol|zovirax|"
    r"daktarin|hedrin|loratadine|cetirizine|clarityn|benadryl|buscopan|senokot|lactulose|fybogel|co-codamol|codeine|"
    r"morphine|oramorph|tramadol|methadone|buprenorphine|naloxone|diazepam|zopiclone|melatonin|gabapentin|pregabalin|"
    r"naproxen|diclofenac|omeprazole|lansoprazole|trimethoprim|nitrofurantoin|(?:mefenamic|tranexamic)\s+acid|"
    # Parkinson's and epilepsy medicines, by their brand and their names: "take your Madopar half an hour earlier".
    r"madopar|sinemet|stalevo|co-?careldopa|co-?beneldopa|levodopa|ropinirole|pramipexole|rasagiline|rotigotine|"
    r"neupro|keppra|levetiracetam|lamotrigine|lamictal|(?:sodium\s+)?valproate|epilim|carbamazepine|tegretol|"
    r"phenytoin|topiramate|buccal\s+midazolam|GTN|glyceryl\s+trinitrate|"
    r"levonorgestrel|ulipristal|ellaOne|cranberry\s+juice|gliclazide|sitagliptin|dapagliflozin|empagliflozin|semaglutide|tirzepatide|liraglutide|ozempic|wegovy|mounjaro|"
    r"amitriptyline|apixaban|rivaroxaban|clopidogrel|blood\s+thinners?|anticoagulants?|HRT|oestrogel|sandrena|evorel|estradot|utrogestan|lenzetto|vagifem|o?estradiol|varenicline|champix|cytisine|nicotine\s+(?:patch(?:es)?|gum|"
    r"lozenges?|sprays?|inhalators?|replacement)|NRT|"
    r"antidepressants?|statins?|sertraline|folic\s+acid|vitamins?(?:\s+d)?|steroids?|hydrocortisone|sudocrem|vaseline|"
    r"sun\s?cream|lotion|drops(?!\s+(?:you|off|by|in|into|at|to|the|us|them|him|her|patients|people|out|down|from)\b)|"
    r"(?:D-?)?mannose|(?:wrist\s+)?splints?|(?:warm|cold|cool|damp|wet|lukewarm)\s+flannels?|nasal\s+(?:strips|dilators)|duct\s+tape|aloe\s+vera|prunes|linseed|flaxseed|psyllium|ispaghula(?:\s+husk)?|sugary\s+drinks?|steri-?strips|prune\s+juice|fluids|(?:heat|cold|cool|gel)\s+(?:pads?|packs?)|(?:warm|cold)\s+compress(?:es)?|ear\s?plugs|nipple\s+(?:shields?|creams?)|(?<!sugar\s)(?<!ketchup\s)sachets|movicol|laxido|macrogol|senna|dulcolax|jelly\s+babies|glucose\s+tablets|dextrose|"
    # A product named for what it works against: "an anti-dandruff shampoo", "antifungal cream".
    r"(?:anti-?\w+|medicated)\s+(?:shampoos?|creams?|tablets?|sprays?|gels?|washes|powders?)"
)
# A medicine by the ending of its international name (WHO stems): metronidazole, amoxicillin, ramipril, atenolol,
# atorvastatin, losartan, fluoxetine, sumatriptan, amlodipine, doxycycline, ciprofloxacin, furosemide, metformin,
# warfarin, prednisolone, citalopram, mirtazapine, levothyroxine, adalimumab, methotrexate, hydroxychloroquine,
# sulfasalazine. Read as a topic
# and after "while taking" only: in every pattern that names a medicine it cost the rule a tenth of its time.
_DRUG_NAME = (
    r"(?<![a-z])[a-z]{3,}(?:azole|mycin|cillin|cycline|pril|olol|statin|sartan|oxetine|triptan|dipine|floxacin|semide|"
    r"tidine|formin|arin|olone|sone|pram|apine|thyroxine|methoprim|furantoin|ciclovir|mab|trexate|oquine|salazine|osin|thazine|promazine|perazine|"
    r"binafine|arizine|cyclizine|oxyzine|azepam|oxaban|gatran|nidine)s?"
)
# Body parts that name nothing else: "hands", "back", "arms" or "feet" also serve figures ("helping hands", "open
# arms", "cold feet"), so a word of state before them is not enough.
_BODY_ONLY = (
    r"teeth|tooth|gums?|eyes|eyelids?|ears|nose|throat|tongue|lips|jaw|neck|shoulders?|elbows?|wrists?|fingers?|"
    r"thumbs?|toes?|toenails?|nails|heels?|soles|skin|scalp|joints?|knees?|ankles?|hips?|ribs?|spine|muscles?|tummy|bladder|palms|"
    r"nipples?|breasts?|testicles?|testes"
)
# Words that end like a word of state but say nothing of the body ("every", "family", "trained", "healthy").
_NOT_STATE = (
    r"every|any|many|only|early|daily|very|my|by|why|they|may|\w*day|away|way|family|body|baby|healthy|happy|"
    r"lovely|friendly|ready|steady|busy|heavy|need|feed|used|trained|skilled|gloved|washed|named|based|related"
)
_BODY = (
    r"eyes?|eyelids?|ears?|nose|throat|mouth|gums?|teeth|tooth|tongue|lips?|jaw|neck|shoulders?|arms?|elbows?|"
    r"wrists?|hands?|palms|fingers?|thumbs?|chest|tummy|stomach|belly|back|hips?|legs?|knees?|ankles?|feet|foot|toes?|"
    r"heels?|soles|skin|scalp|joints?|muscles?|bowels?|bladder|ear|thighs?|calf|calves|shins?|hamstrings?|groin|ribs?|spine|"
    r"achilles|tendons?|nipples?|breasts?|testicles?|testes"
)
# What a reply is about when it is medical: symptoms and conditions, in clinical or lay words, and medicines.
MEDICAL_TOPIC = LazyPattern(
    r"\b(?:symptoms?|pains?|painful|aches?|aching|headaches?|migraines?|earache|toothache|backache|bellyache|fever(?:ish)?|"
    r"(?:high|a|mild|slight|their|his|her|your)\s+temperature|temperatures|teething|nits|head\s+lice|ear\s?wax|"
    r"hangovers?|pulled\s+(?:a\s+)?muscle|cramps?|hiccups|warts?|verrucas?|athlete's\s+foot|colic|croup|"
    r"glue\s+ear|runny\s+nose|blocked\s+nose|sneez\w+|wheez\w+|hot\s+flush\w*|night\s+sweats|weeping\s+(?:legs?|wounds?|skin|eczema|sores?|blisters?|ulcers?)|(?:kidney|bladder|gall|urinary)\s*stones?|(?<=another\s)stone\b|low\s+iron|anaemi\w*|(?:more|less|your|the)\s+iron\b(?!\s+(?:man|woman|gate|railings?|bridge|age))|iron\s+(?:levels?|stores|deficiency)|ha?emoglobin|(?:feeling|feel|felt)\s+(?:so\s+|very\s+|really\s+)?(?:tired|exhausted|faint|dizzy|sick)|posset\w*|bring(?:s|ing)?\s+up\s+(?:\w+\s+){0,2}milk|bloat\w*|stiff(?:ness)?\s+\w+|stiffness|meltdowns?|sensory\s+overload|acne|spots|cystitis|gout|sciatica|nosebleeds?|"
    r"chilblains|splinters?|scalds?|insomnia|pins\s+and\s+needles|tingl\w+|ulcers?|cradle\s+cap|styes?|boils|"
    r"(?:red|itchy|dry|scaly|raised|flaky|sore)\s+(?:patch|patches|spots?|bumps?|blotch\w*|lumps?)|"
    # (A condition's flare: "Sorry the flare's dragging on", "sorry ur flaring again"; Raynaud's.)
    r"flare-?ups?|(?:(?<=\bthe\s)|(?<=\ba\s)|(?<=your\s)|(?<=\bur\s)|(?<=this\s)|(?<=\bher\s)|(?<=\bhis\s))flare\b|"
    r"flaring|raynaud'?s|"
    r"anorexi\w*|bulimi\w*|ARFID|binge[\s-]eating|eating\s+disorders?|flashbacks?|abscess(?:es)?|chest\s+tightness|"
    r"tight(?:ness\s+in\s+(?:the|your|his|her|my))?\s+chest|"
    r"(?:hip|knee|joint|shoulder)\s+replacements?|"
    # (Mood, someone's or low: "keep a simple diary of her low days ... it takes the edge off her mood".)
    r"low\s+(?:days|moods?|spells|patches)|(?:his|her|their|your|my)\s+moods?\b|"
    r"jet\s+lag|snor(?:e|es|ing)|cravings?|light-?headed\w*|"
    # (A discharge from the body, not from hospital: "Not sure what to ask before discharge?", "the discharge lounge".)
    r"(?<!\bbefore\s)(?<!\bafter\s)(?<!\bon\s)(?<!\bawaiting\s)(?<!\bhospital\s)(?<!\bdelayed\s)(?<!\bsafe\s)(?<!\bfor\s)"
    r"discharge(?!\s+(?:from\s+(?:hospital|the\s+ward|A&E)|lounge|letters?|summar(?:y|ies)|teams?|plan\w*|date|day|"
    r"process|co-?ordinators?|nurses?|papers|time|home))|carpal\s+tunnel|tinnitus|"
    # (Someone got very cold: "When someone has got very cold, warm them up gradually"; gallstones.)
    r"(?:got|gets|getting|become|becomes|became)\s+(?:very|really|dangerously|so|too)\s+cold\b|hypotherm\w+|"
    r"gall\s?stones?|gall\s?bladder|"
    # (HPV, the shakes, skin gone mottled or blue: "On darker skin, check ... for a blue or grey colour".)
    r"HPV|the\s+shakes|mottl\w+|(?:blue|grey|gray|bluish|greyish)\s+(?:or\s+(?:blue|grey|gray)\s+)?(?:colou?r|tinge|lips|skin)|"
    r"ringing\s+in\s+(?:\w+\s+)?ears|growing\s+pains|vertigo|twitch\w*|spasms?|head\s*lice|tantrums?|brain\s+fog|IBS|coeliac|Crohn's|colitis|flare-?ups?|milk\s+supply|"
    # ("your dad's chest is bad again")
    r"chest\s+(?:is|was|'s|has\s+been)\s+(?:\w+\s+)?(?:bad|tight|wheezy|rattly|worse|playing\s+up)|"
    r"(?:hair|weight|memory|appetite|hearing|sight)\s+loss|(?:fluid|water)\s+retention|"
    r"(?:losing|lost|lose)\s+weight\s+without\s+(?:trying|meaning\s+to)|"
    # A body part with a complaint either side: "restless legs", "eye twitching", "a dodgy knee", "knee trouble".
    r"(?:restless|twitchy|weak|tender|throbbing|burning|dodgy|gammy|upset|bad|inner|frozen|locked|clicking|cricked|"
    r"trapped|achy|tight|broken|fractured|sprained|twisted|stubbed|bruised|dislocated|swollen|bitten|smelly|sweaty|"
    r"pulled|torn|strained|"
    rf"clammy|numb|puffy|blistered|cracked|heavy|sensitive|painful)\s+(?:{_BODY})|"
    # ... or any word of state, by its ending: "tired, gritty eyes", "a wobbly tooth", "chapped lips", "creaky knees".
    # (The look-ahead for the ending comes first: most words fail it at once, before the list of exceptions.)
    rf"\b(?=[a-z]+(?:y|ed)\b)(?:(?!(?:{_NOT_STATE})\b)[a-z]{{2,}}(?:y|ed),?\s+(?:and\s+)?){{1,3}}(?:{_BODY_ONLY})\b|"
    rf"(?:{_BODY})\s+(?:pain|problems?|trouble|injur\w+|spasms?|twitch\w*|cramps?|thing|hurt(?:s|ing)?|ach(?:es|ing)|niggles?|"
    r"throbbing|play(?:s|ing)\s+up)|"
    # An injury told by what happened to a body part: "bumped his head", "trapped her finger", "hurt my back".
    r"(?:bumped|banged|knocked|bashed|hurt|injured|twisted|stubbed|trapped|pulled|strained|cracked|whacked|broke|cut|chipped|"
    rf"grazed|burnt|burned|scalded)\s+(?:his|her|their|your|my|a)\s+(?:head|face|{_BODY})\b|"
    # What a creature did: "stung by a jellyfish", "bitten by a dog" (not "stung by the parking charges").
    r"(?:stung|bitten)\s+by\s+(?:a|an)\b|"
    # Someone's breathing, as a symptom: "His breathing should settle over the next week" (not "breathing exercises").
    r"(?:his|her|their|your|(?-i:[A-Z])[a-z]+'s)\s+breathing\b(?!\s+(?:exercises?|techniques?|space|room))|"
    # A medicine's patch, worn, changed or taken off: "take the patch off an hour before bed", "your patch change day",
    # "nicotine patches" (not "a rough patch", "the vegetable patch").
    r"(?:nicotine|HRT|oestrogen|estrogen|contraceptive|hormone|pain(?:killer)?|fentanyl|Evorel|Butrans)\s+patch(?:es)?\b|"
    r"(?:put|peel|take|taking|took|wear|wearing|stick|change|changing|swap|remove|removing)\s+(?:the|your|a\s+new|a\s+fresh|"
    r"a|each)\s+patch(?:es)?\b|(?:the|your)\s+patch\s+(?:change|off|on)\b|"
    # ... a pet's too: "nipped by the neighbour's dog", "bitten by their cat".
    r"(?:stung|bitten|nipped|bit|scratched)\s+by\s+(?:the|their|your|his|her|a|an)\s+(?:[\w-]+'s\s+)?(?:dog|cat|puppy|"
    r"kitten|horse|pony|ferret|hamster|rabbit|snake|spider|wasp|bee|hornet|tick)s?\b|"
    # A tick as what bites: "check each other for ticks", "tick bites", "pull any ticks out".
    r"(?:for|any|remove|removing|the)\s+ticks\b|\bticks?\s+(?:bites?|removal|checks?)\b|"
    # How someone is after a jab: "a bit hot and grizzly after her jabs", "sore after the booster".
    r"(?:hot|warm|sweaty|grizzly|sore|unsettled|clingy|grumpy|tired|sleepy|poorly|feverish|achy)\s+(?:\w+\s+){0,2}after\s+"
    r"(?:her|his|their|your|the|a|my)\s+(?:\w+\s+)?(?:jabs?|vaccin\w*|immunis\w+|injections?|boosters?)\b|"
    # A fall, as something that happened to someone: "your nan's fall", "had a tumble" (not "the trust's fall in
    # waiting times", "a tumble dryer").
    r"(?:had|has|having)\s+(?:a|another)\s+(?:\w+\s+)?(?:fall|tumble)\b|'s\s+(?:recent\s+|nasty\s+|bad\s+)?(?:fall|tumble)"
    r"(?!\s+(?:in|of|prevention|team|clinic|service)\b)\b|a\s+tumble\b(?!\s+dryer)|"
    # A complaint named for who gets it or what it looks like: "tennis elbow", "housemaid's knee", "trigger finger".
    r"(?:tennis|golf|trigger|mallet|hammer|claw|\w+'s)\s+(?:elbows?|knees?|fingers?|thumbs?|toes?|ears?|shoulders?)"
    r"(?!\s+(?:appointments?|operations?|ops?|surgery|clinics?|scans?|x-?rays?|replacements?|reviews?)\b)|"
    # How someone eats, sleeps or feeds, as a kind of person: "fussy eaters", "a light sleeper", "a poor feeder".
    r"(?:fussy|picky|faddy|poor|bad|light|restless)\s+(?:eat|sleep|feed)(?:ers?|ing)|"
    # Something on a part that names nothing else, whatever it is: "a ganglion on the wrist", "a cyst on her knee".
    r"\b(?:a|an)\s+(?!(?:eye|hand|pat|tap|word|kiss|smile|watch|ring|bracelet|badge|sticker|tattoo)\b)\w+\s+on\s+"
    rf"(?:the|their|his|her|your|my)\s+(?:left\s+|right\s+)?(?:{_BODY_ONLY})\b(?!\s+of\b)|"
    # A mark on the body, named by where it is: "a flat spot on their head", "a bump on his knee".
    r"(?:spots?|bumps?|patch(?:es)?|marks?|blotch\w*|lumps?)\s+on\s+(?:the|their|his|her|your|my)\s+"
    rf"(?:head|face|bottom|{_BODY})(?!\s+of\b)|"  # not "the mark on the back of your card"
    r"faint(?:s|ed|ing)?|(?:worse|better)\s+at\s+night|"
    r"(?:poor|broken|bad|disturbed|restless)\s+sleep|night\s+terrors|nightmares|sleep-?walk\w*|bad\s+dreams|"
    r"bed-?wetting|wet(?:s|ting)?\s+(?:the|their|his|her)\s+bed|soiling|(?:winter|baby|january)\s+blues|"
    r"piles|haemorrhoids|corns|calluses|(?:your|his|her|their|the|caesarean|c-section|section)\s+scars?\b(?!\s+on\s+the\b)|bunions?|moles?(?!\s*(?:catchers?|hills?|rats?|traps?))|skin\s+tags?|cysts?|dandruff|braxton\s+hicks|contractions|"
    r"(?:sense\s+of|loss\s+of)\s+(?:smell|taste)|"
    # Whatever it is, said of a group it is common in: "wind in babies", "hair loss in pregnancy".
    r"\w+\s+in\s+(?:babies|newborns|toddlers|children|kids|pregnancy)\b(?!')|"
    # Teething in other words: "milk teeth coming through", "cutting a new tooth".
    r"(?:teeth|tooth)\s+(?:coming\s+(?:through|in)|cutting\s+through)|cutting\s+(?:a\s+|his\s+|her\s+|their\s+)?(?:new\s+|back\s+)?(?:teeth|tooth)|(?:(?:itchy|sore|swollen|stiff|puffy|bloodshot|watery|dry|cracked|gritty|sticky|crusty|pink|red),?\s+(?:and\s+)?)+"
    rf"(?:{_BODY})|"
    # Inflammations by their ending: tonsillitis, gastritis, bronchitis, mastitis, dermatitis...
    # ... and other conditions by theirs: psoriasis, endometriosis, halitosis, neuralgia, leukaemia.
    r"\w{3,}(?:itis|osis|iasis|(?<!nost)algia|(?<!acad)a?emia)|cough(?:s|ing)?|rash(?:es)?|sore(?:ness)?(?:\s+\w+)?|"
    r"vomit\w*|being\s+sick|sickness|diarrh(?:o)?ea|nausea|dizz(?:y|iness)|bleed(?:s|ing)?|breathless\w*|"
    r"short(?:ness)?\s+of\s+breath|lumps?|swell(?:ing|ings)?|swollen|infections?|infected|itch(?:y|ing|es)?|"
    r"numb(?:ness)?|sprain(?:s|ed)?|strain(?:s|ed)|bruis\w+|blisters?|sunburn\w*|bites?|stings?|"
    r"(?:stomach|tummy|sick|sickness|winter\s+vomiting)\s+bugs?|"
    # Being sick as what happened ("since he was last sick", "been sick twice"; not "sick of", "sick leave"), and a
    # tummy, which names nothing but a complaint ("holiday tummy", "a poorly tummy"; not "tummy time").
    r"(?:was|were|been|is|gets?|got|getting)\s+(?:\w+\s+)?sick\b(?!\s+(?:of|and\s+tired|leave|pay|notes?|days?)\b)|"
    r"thr(?:ow|ows|owing|ew|own)\s+up|tumm(?:y|ies)\b(?![\s-]+(?:time|tuck))|burn-?out|bugs?\s+going\s+(?:round|around)|viral|virus(?:es)?|"
    # "flu jab", "covid vaccine": a service, not an illness.
    r"(?:flu|covid(?:-19)?)(?!\s+(?:jabs?|vaccin\w*|boosters?|clinics?|season|programme|(?:nasal\s+)?spray|immunis\w+))|norovirus|"
    # (Sundowning: dementia's late-afternoon confusion. Testicles and the prostate, like a tummy, name a body part that
    # is only ever raised as a worry.)
    r"poison(?:ing|ed)|hernias?|whiplash|concuss\w+|dementia|alzheimer's|sundowning|testic\w+|testes|prostates?|"
    r"sinus(?:es)?|bad\s+breath|tongue[- ]?tie|"
    r"cluster[- ]?feed\w*|growth\s+spurts?|sleep\s+regressions?|(?:potty|toilet)[- ]training|withholding|"
    r"a\s+stitch\b(?!\s+in\s+time)|(?<!in\s)stitches|(?:tooth|teeth)\s+(?:out|pulled|extracted|removed)|"
    r"(?:tooth|dental)\s+extractions?|dry\s+socket|wisdom\s+(?:tooth|teeth)|heat\s?stroke|sunstroke|heat\s+exhaustion|"
    r"prickly\s+heat|chaf(?:ing|ed)|trapped\s+wind|(?:travel|motion|car|sea)\s?sick\w*|ingrown\s+(?:toe)?(?:nails?|hairs?)|"
    # A voice lost, nerves before an occasion, a colour on a part that names nothing else ("white fingers", "blue
    # lips"; not "Red Nose Day").
    r"(?:lost|losing|lose)\s+(?:your|his|her|their|my)\s+voice|hoarse\w*|(?:exam|test|interview|performance)\s+nerves|"
    rf"nerves\s+(?:before|ahead\s+of)\b|(?:white|blue|yellow|purple|grey|red)\s+(?!nose\s+day)(?:{_BODY_ONLY})\b|"
    r"fungal\s+nails?|kidney\s+stones?|gallstones?|angina|palpitations|thyroid|PCOS|rosacea|hives|jaundice|"
    # Gagging, and waking in the night: "your baby gagging", "waking up at 3am every night".
    r"gag(?:s|ging)\b|yawn(?:s|ing)\b|eye\s+bags|bags\s+under\s+(?:your|his|her|their|my)\s+eyes|"
    r"(?:sleepy|drowsy|bloated|sluggish)\s+after\s+(?:lunch|meals?|eating|food|dinner|tea)|"
    r"(?:a|the|your|his|her|their)\s+(?:wound\s+)?dressings?\b(?!\s+(?:up|gowns?|rooms?|tables?))|"
    # Care of the skin and feet: "moisturise your heels every day but not between your toes", "check his soles every
    # night for new marks", "surgical spirit on the corn".
    rf"moisturi[sz]\w*\s+(?:your|his|her|their|the)\s+(?:{_BODY})\b|between\s+(?:your|his|her|their|the)\s+toes\b|"
    rf"check\w*\s+(?:your|his|her|their)\s+(?:{_BODY})\s+(?:\w+\s+){{0,3}}?for\s+(?:any\s+)?(?:new\s+)?(?:marks|cuts|"
    r"sores|blisters|redness|swelling|lumps|bruis\w+|cracks|changes|signs)\b|surgical\s+spirit|"
    r"(?:on|to)\s+(?:the|a|your|his|her|their|that)\s+corn\b(?!\s+(?:\w*(?:field|harvest|crop|maze|exchange|cob|flakes|flour|starch)))|"
    # A prolapse, and a bladder that leaks: "Her prolapse is unlikely to get worse", "if you're still leaking at your
    # 6-week check ... support the bladder neck" (not "the roof is leaking").
    r"prolapsed?|bladder\s+(?:neck|leaks?|weakness|control)|leak(?:s|ing)?\s+(?:urine|wee|pee|a\s+little|when\s+(?:you|she|I)\s+"
    r"(?:cough|sneeze|laugh|run|jump|lift))|(?:still|stop\s+the)\s+leak(?:s|ing)\b(?!\s+(?:roof|pipe|tap|radiator|water))|"
    # Time on the toilet: "ten minutes on the loo after breakfast".
    r"(?:minutes?|time|sit(?:s|ting)?|straining)\s+on\s+the\s+(?:loo|toilet)\b|"
    # Voices heard: "humming ... can quieten the voices for a while".
    r"hear(?:s|ing)\s+voices|(?:quieten|quiet|drown\s+out|block\s+out|calm)\s+(?:the|her|his|their|your)\s+voices|"
    # Contact lenses, not a camera's: "never sleep in your daily lenses".
    r"(?:contact|daily|dailies|monthly|soft)\s+lens(?:es)?\b|(?:your|his|her|their)\s+(?:daily\s+|monthly\s+)?lenses\b|"
    # A feeling in a part: "that gritty feeling in your eyes", "a tightness in her chest".
    rf"(?:feeling|sensation|tightness|pressure|burning)\s+in\s+(?:your|his|her|their|my|the)\s+(?:{_BODY})\b|"
    # ... or the chest's tightness told as how someone feels: "cut the run short if you feel tight".
    r"(?:feel|feels|feeling|felt|get|gets|getting)\s+(?:a\s+bit\s+|quite\s+|really\s+|very\s+)?(?:tight|wheezy|chesty)\b|"
    # A lay symptom as what a remedy is for: "cranberry juice for the burning", "something for the itching" (not "for
    # the burning of the old records").
    r"for\s+the\s+(?:burning|stinging|itching|soreness|swelling|throbbing|aching|pain)\b(?!\s+of\b)|"
    r"wak(?:e|es|ing)\s+(?:up\s+)?(?:at\s+\d+(?::\d\d)?\s?(?:am|pm)?|in\s+the\s+(?:night|small\s+hours)|(?:every|each)\s+night|too\s+early)|"
    # Batch 28: complaints no list named - a dead arm, a baby's wind, toe walking, a foreign body up the nose, a
    # swallowed coin, breath-holding, brain freeze, dropping off to sleep.
    r"molluscum|urticaria|keloids?|shiver(?:s|y|ing)?|after-?drop|dead\s+(?:arm|leg|hand)s?|burp\w*|"
    r"bring\w*\s+(?:\w+\s+)?wind\b|on\s+(?:his|her|their|your|my)\s+tip-?toes|toe[- ]walk\w*|puberty|body\s+odou?r|"
    r"(?:sweaty|sweat)\s+smell|(?:tooth|teeth)\s+(?:knocked|fell|falls|fallen|came|comes|coming)\s+out|"
    r"knocked[- ]out\s+(?:tooth|teeth)|(?:baby|milk|adult)\s+(?:tooth|teeth)|stiffen\w*|"
    r"swallow(?:s|ed|ing)?\s+(?:a|an)\s+(?!lot\b)\w+|(?:up|stuck\s+in)\s+(?:the|his|her|their|your)\s+(?:nose|nostril|ear)s?\b|"
    r"nail[- ]?biting|bit(?:es|ing)\s+(?:his|her|their|your|my)\s+nails|breath-?holding|"
    r"hold(?:s|ing)?\s+(?:his|her|their)\s+breath|brain\s+freeze|nod(?:s|ding|ded)?\s+off|"
    r"drop(?:s|ping)?\s+off\s+to\s+sleep|how\s+(?:well\s+)?(?:you|he|she|they)\s+sleeps?\b|"
    r"sleep\s+(?:paralysis|apno?ea|talking)|mouth[- ]breath\w*|clammy|"
    r"could\s+be\s+(?:your|his|her|their)\s+(?:blood\s+)?sugars?|"
    # A part and how it feels: "chest feels tight", "my ears are blocked".
    rf"(?:{_BODY})\s+(?:feels?|felt|feeling|gets?|getting)\s+(?:\w+\s+)?(?:tight|sore|stiff|heavy|funny|weird|numb|tender|"
    r"itchy|swollen|painful|achy|blocked|bunged)\b|"
    # A blocked milk duct, frost on the skin, a palsy, winter's low mood by its name ("my SAD"; not "Feeling SAD that
    # the walks are ending") or by its lamp ("A SAD lamp", "a light box"; not "we're SAD to say").
    r"blocked\s+(?:milk\s+)?ducts?|frost-?(?:nip|bite|bitten)|palsy|seasonal\s+affective\s+disorder|"
    r"(?:my|your|his|her|their|with|for)\s+(?-i:SAD)\b|(?-i:SAD)[\s-]+(?:light[\s-]?box(?:es)?|lamps?|lights?)\b|"
    r"light[\s-]box(?:es)?\b|"
    r"lazy\s+eye|squint|stammer\w*|stutter\w*|incontinen\w+|pelvic\s+floor|HRT|PMS|PMT|contracepti\w+|RSV|"
    r"threadworms?|worms|scabies|impetigo|measles|mumps|hand,?\s+foot\s+and\s+mouth|slapped\s+cheek|"
    r"glandular\s+fever|burns?|grazes?|"
    # Scabs picked ("Try to stop her picking at the scabs"; not the strike's "scabs"), panic felt rising and breathing
    # slowed for it, and food or drink that stays down ("easier to keep down").
    r"(?:pick\w*|scratch\w*)\s+(?:at\s+)?(?:the\s+|his\s+|her\s+|their\s+|your\s+|any\s+)?scabs?\b|"
    r"(?:the|your|his|her|their)\s+panic\s+(?:building|rising|coming\s+on|starting|setting\s+in)\b|"
    r"(?:slow|slowing|control|controlling)\s+(?:your|his|her|their)\s+breathing(?:\s+(?:right\s+)?down)?\b|breathing\s+into\s+a\s+paper\s+bag|"
    r"(?:keep|keeping|kept|keeps)\s+(?:anything|food|fluids?|drinks?|water|milk|it|things|much|(?:\w+\s+)?meals?)\s+down\b|"
    r"(?:easier|easiest|harder|hard|able)\s+to\s+keep\s+down\b|"
    # A cut on someone ("keep the cut clean and covered"), not a cut in funding or a haircut.
    r"(?:the|your|his|her|their|a|that|this|small|deep|little|nasty)\s+cuts?\b(?!\s+(?:off|in|out|to|of|back|down|short|"
    r"through|across|from|and\s+paste|price|above|costs?|funding|services?|jobs?|posts?|budgets?)\b)|(?:high|a)\s+temp|blood\s+sugars?|cholesterol|the\s+runs|bunged\s+up|"
    r"conjunctivitis|tonsillitis|(?:a|common|heavy|head|chest|bad|nasty|stinking|first|his|her|their|your)\s+(?:mild\s+|slight\s+)?cold"
    r"(?!\s+(?:feet|hands|water|calls?|drinks?|weather|snap|spell|rooms?|store|chain|case|shoulder|turkey|cots?|storage)\b)|"
    r"colds|unwell|poorly|(?:feeling|felt|feel)\s+(?:half\s+as\s+|so\s+|a\s+bit\s+)?(?:rough|rotten|ill|awful|terrible|"
    r"run\s+down|under\s+the\s+weather)|(?:wobbly|loose)\s+(?:\w+\s+)?(?:teeth|tooth)|"
    r"run\s+down|dehydrat\w+|"
    # Lay words for pregnancy and the mind, where a reply most often reassures: "spotting is common".
    r"pregnan\w*|spotting|morning\s+sickness|miscarr\w+|breastfeed\w*|menopaus\w*|periods?|"
    r"low\s+mood|(?:feeling|feel|felt)\s+(?:a\s+bit\s+|quite\s+|so\s+|really\s+|very\s+)?(?:low|down|anxious|stressed|"
    r"overwhelmed|panicky|lonely|tearful|irritable|flat|rough|wiped\s+out|off\s+colour|run\s+down)|"
    # Made ill by something: "you think the takeaway made you ill" (not "sick of", "sick pay").
    r"(?:made|making|makes)\s+(?:you|u|him|her|them|me|us|everyone)\s+(?:so\s+|really\s+|very\s+)?(?:ill|sick|poorly|"
    r"unwell)\b(?!\s+(?:of|and\s+tired)\b)|"
    r"(?:poor|bad)\s+circulation|intoleran\w+|body\s+clocks?|floaters|lonel\w+|bereave\w+(?!\s+(?:officers?|teams?|services?|offices?|suites?|nurses?|staff))|"
    r"twinges?|wear\s+and\s+tear(?!\s+on\s+(?:the|our)\b)|hair\s+(?:falling\s+out|coming\s+out|thinning|shedding)|"
    r"(?:his|her|your|their|blood)\s+sugars?\s+(?:drops?|dips?|falls?|goes\s+low|is\s+low)|"
    r"lisp|late\s+talkers?|speech\s+delay|IVF|fertility|infertil\w+|(?:trapped|pinched)\s+nerves?|"
    r"after\s+(?:their|his|her)\s+(?:\w+\s+)?jabs|sleep\s+through|chok(?:e|es|ing)|ringworm|tattoos?|piercings?|contact\s+lens\w*|grommets|direct\s+sun(?:light)?|vap(?:e|es|ing)|e-?cig(?:arette)?s?|chlamydia|gonorrh?oea|syphilis|herpes|HIV|STIs?|PrEP|(?-i:PEP)|alcohol|booze|dry\s+days|"
    r"drinks?\s+over\s+the\s+limit|"
    r"(?:need|needs|get|getting)\s+(?:\d+|more|enough|less)\s+(?:hours'?\s+)?sleep|"
    r"(?:eye|muscle|back|neck)\s?strain|(?:baby|newborn|toddler)'?s?\s+poos?|immune\s+system|"
    r"(?:hearing|ears?)\s+(?:\w+\s+){0,4}(?:muffled|bunged)|"
    r"(?:struggl\w+|trouble|can't|cannot|unable|hard)\s+(?:to\s+)?(?:stay|get|fall)(?:ing)?\s+(?:back\s+)?(?:to\s+)?(?:asleep|sleep)|"
    r"get(?:ting)?\s+up\s+(?:\w+\s+){0,3}to\s+(?:wee|pee)|(?:weeing|peeing)|(?:wee|pee)\s+(?:more|a\s+lot|twice|at\s+night|often)|"
    r"blood\s+in\s+(?:his|her|their|your|my|the)\s+(?:nappy|nappies|poo|wee|urine|stools?|sick|vomit|phlegm|spit|mucus)|"
    r"(?:hard|runny|loose|green|pale|black)\s+poos?|"
    r"(?:restless|unsettled|colicky|grizzly|clingy)\s+(?:baby|babies|toddlers?|newborns?|little\s+ones?)|"
    r"(?:nerves|nervous|anxious|scared|worried)\s+(?:\w+\s+){0,2}(?:before|about)\s+(?:your|his|her|their|the)\s+"
    r"(?:op|operation|surgery|procedure)\b|panic\s+attacks?|"
    r"stress(?:ed)?|griev\w+|grief|(?:can't|cannot|not|struggl\w+\s+to|trouble)\s+sleep\w*|(?:sugar|hypo)s?\s+levels?|"
    r"hypos?|tired\s+all\s+the\s+time|"
    # (Not a service named for it: "the diabetes programme", "our stroke team".)
    r"(?:asthma|COPD|emphysema|diabet\w+|cancer|depress\w+|anxiety|stroke|dementia)(?!\s+(?:prevention\s+|education\s+)?(?:programmes?|"
    r"services?|teams?|clinics?|units?|wards?|courses?|screening|awareness|reviews?)\b)|"
    r"utis?|sepsis|meningitis|pneumonia|heart attack|allerg\w+|eczema|seizures?|epilep\w+|convulsions?|febrile\s+fits?|"
    # Harm to oneself and eating troubles, in the words a worried reader uses: "your child is self-harming", "things
    # have been really hard with food".
    r"self[- ]?harm\w*|(?:hard|difficult|tough|struggl\w+)\s+with\s+food|"
    # ... and psychosis in lay words: "when everything feels unreal", "peer groups help with the voices".
    r"psychos[ie]s|psychotic|hallucinat\w+|paranoi\w+|(?:hear|hears|hearing|with)\s+(?:the\s+)?voices|"
    r"(?:feels?|felt|feeling|seems?)\s+(?:a\s+bit\s+|so\s+|really\s+)?unreal|"
    r"jittery|off\s+(?:your|his|her|their|my)\s+food|"
    # Tiredness and food refused: "the tiredness will lift", "don't worry if he's refusing food on the ward"; a baby's
    # "sicky, grizzly evenings".
    r"tiredness|(?<!compassion\s)(?<!zoom\s)fatigue\b|sicky|refluxy|stomas?|(?:colostomy|ileostomy|urostomy)(?:\s+bags?)?|"
    # Compression stockings, by name or put on: "gadgets for putting stockings on" (not Christmas stockings).
    r"compression\s+(?:stockings?|socks|tights|hosiery|bandag\w+|wraps?)|(?:putting|put|getting|get|pulling|pull)\s+"
    r"(?:your\s+|his\s+|her\s+|their\s+|the\s+)?stockings\s+on|"
    r"refus(?:es|ed|ing)\s+(?:food|to\s+eat|(?:his|her|their|your|any|all)\s+(?:food|meals?|feeds?|bottles?))|"
    # Constipation in lay words: "a bit blocked up", "cow's milk, which can bung things up".
    r"blocked\s+up|bung(?:s|ed|ing)?\s+(?:things|him|her|them|you|me|everything)\s+up|"
    # Sleep or appetite upset by something: "Worry about money can really knock your sleep and appetite", "Night shifts
    # knock sleep for six".
    r"(?:knock\w*|affect\w*|ruin\w*|wreck\w*|disturb\w*|mess(?:es|ed|ing)?\s+with|play(?:s|ing)?\s+havoc\s+with)\s+"
    r"(?:(?:your|his|her|their|my)\s+)?(?:sleep|appetite)\b|"
    # ... and a part or a matter struggled with: "Sorry you've been struggling with your chest".
    rf"(?:struggl\w+|trouble|problems?)\s+with\s+(?:your|his|her|their|my)\s+(?:{_BODY}|breathing|bowels|sleep)\b|"
    # A part that weeps: "until your ear stops weeping", "the wound is still weeping" (not grief's "weeping").
    rf"(?:{_BODY}|wounds?|cuts?|grazes?|blisters?|eczema)\s+(?:\w+\s+){{0,2}}?weep(?:s|ing|y)?\b|"
    r"heartburn|indigestion|reflux|constipat\w+|chickenpox|shingles|hay[ -]fever|cold sores?|thrush|"
    r"arthritis|blood pressure|hypertension|diagnos\w+|illness\w*|"  # not "prescription": a service matter
    r"(?:medical|long-term|health|skin|heart|lung) conditions?|doses?|dosage|side effects?|therapy|"
    rf"therapies|{_MEDICINES}|{_DRUG_NAME})\b",
    re.IGNORECASE,
)
# Figures of speech that only look medical ("a real pain", "such a headache", "sick of waiting") and stock
# phrases that only look like advice ("rest assured", "hope this helps").
FIGURATIVE = LazyPattern(
    r"\b(?:(?:a|such\s+a|what\s+a|real|a\s+real|bit\s+of\s+a|right|royal|total|major|massive|huge)\s+){1,3}"
    r"(?:pain|headache|nightmare)(?:\s+in\s+the\s+\w+)?|\bpains?\s+in\s+the\s+(?:neck|backside|bum|arse)|"
    r"\bsick\s+(?:of|and\s+tired)\b|\bnail-?biting\s+(?:finish|final|match|wait|end|climax|game|race|moment)\b|\bevery\s+(?:little\s+)?(?:bit|penny|pound|donation)\s+(?:really\s+)?helps\b|\bgrowing\s+pains\b(?!\s+in\s+(?:kids|children|toddlers|teens|(?:the|their|his|her|your)\s+\w+)|"
    # ... or as the subject of a verdict or a course: "Growing pains are harmless and always settle".
    r"\s+(?:are|usually|often|normally|tend|always|come|settle|happen)\b)|\blosing\s+sleep\b|\bfeel(?:ing)?\s+the\s+pain\b|"
    r"\b(?:normal|natural|understandable|common)\s+to\s+feel\s+(?:nervous|anxious|worried|apprehensive)\b|"
    # A mood whose occasion is the organisation's own work is everyday feeling, not low mood: "normal to feel a bit flat
    # at the end of a long campaign", "... a long consultation", "after a long shift" (not "after the birth", "after
    # losing your husband").
    r"\bfeel(?:s|ing)?\s+(?:a\s+(?:bit|little)\s+|quite\s+|so\s+|really\s+)?(?:flat|low|down|drained|deflated|emotional)\s+"
    r"(?:now\s+)?(?:at\s+the\s+end\s+of|after)\s+(?:a|an|the|our|this|that|all)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:campaign|drive|appeal|project|fundraiser|launch|bake\s+sale|fun\s+run|festival|open\s+day|consultation|"
    r"(?:board\s+)?meeting|audit|inspection|conference|event|shift|week|day)s?\b|"
    r"\b(?:no|without|(?:don't|do\s+not|doesn't)\s+have(?:\s+any)?|free\s+of)\s+(?:symptoms?|(?:a\s+)?temperature|fever|"
    r"(?:a\s+)?cough)\b|"  # "if you don't have symptoms, come along": the negated complaint is not a topic
    # A radiator bled, stress that a thing saves or busts: "Bleed your radiators", "saves a lot of stress", "a
    # stress-buster".
    r"\bbleed(?:s|ing)?\s+(?:the|your|our|all\s+the|any)\s+(?:\w+\s+)?(?:radiators?|rads|brakes|heating|system)\b|"
    r"\b(?:saves?|saving|spares?|sparing)\s+(?:(?:you|yourself|everyone)\s+)?(?:a\s+lot\s+of\s+|lots\s+of\s+|so\s+much\s+|"
    r"loads\s+of\s+)?stress\b|\bstress[- ]?bust\w*|"
    r"\bcold\s+(?:calls?|weather|snap|spell)\b|\blift(?:s|ed|ing)?\s+(?:\w+(?:'s|s')?\s+){0,2}spirits\b|\brash\s+of\b|\bif\s+(?:it|that|this)\s+helps\b|\brest\s+assured\b|\bhope\s+(?:this|that|it)\s+helps\b|"
    # A get-well wish: "We hope you feel better soon", "Hope you all get some rest soon", "wishing her well".
    r"\b(?:hope|hoping|wish|wishing)\s+(?:(?:you|they|he|she|him|her|them|it|we)(?:\s+all|\s+both)?|your\s+\w+|everyone)\s+"
    r"(?:(?:is|are|feels?|get|gets|have|has|can)\s+)?(?:(?:feeling|much|a\s+lot|lots|some|a\s+bit\s+of|a|plenty\s+of)\s+)?"
    r"(?:better|well|rest|sleep|speedy\s+recovery|quick\s+recovery|recover\w*)\b(?:\s+soon)?|"
    # Infection control on a visit, not a remedy: "please use the gel at the entrance", "hand hygiene".
    r"\bhand\s+(?:hygiene|gel|sanitis\w+|sanitiz\w+|wash\w*)\b|\b(?:the\s+)?gel\s+(?:at|by|on|inside)\s+(?:the\s+)?"
    r"(?:entrance|doors?|desk|reception|ward)\b",
    re.IGNORECASE,
)
# Advice or reassurance: what to do about it, or that it will pass. A topic without it (a complaint about a
# prescription's wait, a diabetes nurse vacancy, an asthma story) is not advice.
ADVICE = LazyPattern(
    r"\b(?:(?<!the\s)rest(?!\w|\s+(?:of|areas?|rooms?|stops?|breaks?|homes?)\b)(?:\s+(?:it|up|your\s+\w+))?|fluids(?!\s+back\s+up\b)|plenty\s+(?:of\s+\w+\s+)?to\s+drink|"
    r"drink(?:ing)?\s+(?:plenty|more|lots|enough|water|fluids)|(?:keep|kept)\s+(?:\w+\s+)?(?:sipping|drinking)|"
    r"(?:stay|sit|keep)(?:ing)?\s+(?:in\s+the\s+shade|out\s+of\s+the\s+sun)|"
    # A tip given as one: "Our practice nurses' top tip for dry, cracked heels: a thick urea cream every night".
    r"(?:top|best|golden|number\s+one)\s+tips?\s+(?:for|on)\s+(?:[\w,'-]+\s+){1,4}?[\w'-]+\s*(?::|is\b|are\b)|"
    # A course of medicine finished: "it's important he finishes the whole course of penicillin".
    r"(?:finish|finishes|finishing|complete|completes|completing)\s+(?:the|his|her|your|their)\s+(?:whole\s+|full\s+)?"
    r"course\s+of\b|"
    # Leaving it alone or for a while: "leave them intact", "leave it a few days before you shave again".
    # (Not "leave it a few days and if your letter still hasn't arrived, give us a call": waiting for the service.)
    r"leave\s+(?:it|them)\s+(?:alone|intact|be|uncovered|undisturbed|to\s+heal|(?:a\s+few|a\s+couple\s+of|\d+|another)\s+"
    r"(?:more\s+)?(?:days|weeks)"
    r"(?![^.!?\n]{0,80}\b(?:letters?|call|appointments?|results?|us|reply|text|e-?mail|website|app|online|times|dates?)\b))\b|"
    # The body's message, a whole household treated, a remedy soaked in a medicine, daylight: "is your body telling you
    # to slow down", "everyone in the house gets treated", "a cotton wool ball smeared in Vaseline".
    r"your\s+body(?:'s\s+way\s+of)?\s+telling\s+you|"
    # Someone's advice endorsed: "Your GP was right to tell you to leave the hearing aid out", "Your GP's right to
    # suggest cutting out caffeine".
    r"(?:'s|was|were|is|are)\s+(?:\w+\s+)?right\s+to\s+(?:(?:tell|advise|ask)\s+(?:you|u|him|her|them)\s+to|suggest|"
    r"recommend)|(?:everyone|everybody|the\s+whole\s+(?:family|household))\s+"
    r"(?:in\s+the\s+(?:house|family|household)\s+)?(?:gets?|needs?\s+to\s+be|should\s+be|must\s+be)\s+treated|"
    rf"(?:smeared|coated|dabbed|soaked|dipped)\s+(?:in|with)\s+(?:some\s+|a\s+little\s+)?(?:[\w-]+\s+)?(?:{_MEDICINES})|"
    r"get\s+outside\s+(?:in|into)\s+(?:the\s+)?(?:daylight|sunlight|sun|fresh\s+air)|"
    # Permission in a state of the body: "a cup of coffee a day is fine in pregnancy", "safe while breastfeeding".
    # (Not a feeling: "Feeling safe during pregnancy matters to us".)
    r"(?<!feel\s)(?<!feels\s)(?<!felt\s)(?<!feeling\s)(?:fine|ok|okay|alright|safe)\s+(?:to\s+(?:have|take|use)\s+)?"
    # (The reader as text-speak and autocorrect write them: "fine while ur breastfeeding", "while your pregnant".)
    r"(?:in|during|while|when)\s+(?:you're\s+|you\s+are\s+|youre\s+|ur\s+|u\s+are\s+|u're\s+|your\s+)?"
    r"(?:pregnan\w+|breastfeed\w*|taking\s+\w+|on\s+(?:the\s+)?\w+\s+(?:tablets|pills|medicines?|medication))|"
    # A dose's ceiling: "he can use his blue inhaler up to 10 puffs when it's bad", "up to 4 times a day" (not what a
    # pharmacy may sell or supply: "pharmacies can sell up to 32 tablets").
    r"up(?<!sell\sup)(?<!buy\sup)(?<!order\sup)(?<!supply\sup)(?<!dispense\sup)(?<!prescribe\sup)(?<!issue\sup)\s+to\s+"
    r"(?:\d{1,2}|one|two|three|four|five|six|eight|ten|twelve)\s+(?:puffs|tablets|capsules|doses|sachets|spoonfuls|"
    r"teaspoons|drops|sprays|lozenges|pills|ml|mg|times\s+(?:a|per|in\s+a|every)\s+(?:day|24\s+hours))\b|"
    # How long between doses: "leave at least 4 hours between doses".
    r"(?:\d+|two|three|four|five|six|eight|a\s+few|a\s+couple\s+of)\s+hours?\s+between\s+(?:\w+\s+){0,2}"
    r"(?:doses|tablets|sprays|puffs|applications)|"
    # ... or between two medicines: "Leave at least two hours between the Gaviscon and your iron tablets".
    r"(?:\d+|two|three|four|five|six|eight|a\s+few|a\s+couple\s+of)\s+hours?\s+between\s+(?:[\w-]+\s+){1,3}?and\s+"
    r"(?:[\w-]+\s+){0,2}?(?:tablets|capsules|doses|medicines?|medication|pills|meds)\b|"
    # A part raised, told without a verb: "Ice wrapped in a tea towel, foot up on a cushion".
    r"(?<![\w'])(?<!your\s)(?<!his\s)(?<!her\s)(?<!the\s)(?:foot|feet|legs?|ankles?|arms?)\s+(?:up|raised|elevated)\s+"
    r"(?:on|with|above)\s+(?:a|an|some|two|the|your)\s+(?:\w+\s+)?(?:cushions?|pillows?|stools?|chairs?|sofa|heart|hips?)|"
    # Moving it with care: "start bending it gently", "keep weight off it".
    r"\w+ing\s+(?:it|them)\s+(?:gently|slowly|carefully|little\s+and\s+often)\b|(?:keep|take)\s+(?:the\s+|your\s+)?weight\s+off|"
    r"sip(?:ping)?\s+water|sips\s+of\s+(?:\w+\s+)?(?:water|squash|juice|fluids?)|hydrated|"
    # A dose by its unit, as an amount to take: "a 10 microgram supplement", "give 5ml" (not "the 5ml syringes", "the
    # dose as 10 micrograms").
    # ("you can try 3mg": a dose to try is one to take; "We meant 5ml, not 2.5ml": one corrected.)
    r"(?:a|an|one|take|takes|taking|give|gives|giving|have|try|trying|meant|start\s+(?:on|with))\s+\d+(?:\.\d+)?\s?"
    r"(?:micrograms?|mcg|mg|milligrams?|ml|"
    r"millilitres?)\b|"
    # Doubling a dose: "double up on your inhaler", "double the dose" (not "we've doubled up on flu clinics").
    rf"doubl(?:e|es|ed|ing)\s+(?:up\s+on\s+(?:the\s+|your\s+|his\s+|her\s+|their\s+|a\s+)?(?:[\w-]+\s+)?(?:{_MEDICINES})\b"
    r"(?!\s+(?:clinics?|sessions?|teams?|services?|stocks?|supplies|orders?|deliver\w*)\b)|"
    r"(?:the|your|his|her|their|a)\s+dose)|"
    r"stay(?:ing)?\s+(?:off\s+(?:work|school|nursery)|(?:at\s+)?home|away\s+from|in\s+bed)|"
    # Whether the illness keeps someone off: "they can still go to nursery" (not a staff scheme's "can return to work").
    r"(?:can|could|should)\s+still\s+(?:go|return)\s+(?:back\s+)?to\s+(?:work|school|nursery|college)|"
    # ... with a person as subject: "so she can go back to school", "they're not catching any more" (not "staff can
    # return to work", "we're not catching up").
    r"(?:(?:he|she)(?:'s|\s+is)|(?:they|you)(?:'re|\s+are)|(?:he|she|they|you)\s+(?:can|could))\s+(?:\w+\s+)?"
    r"(?:go|going|return|returning)\s+back\s+to\s+(?:work|school|nursery|college)|"
    # (As a word of state, with no object: not "not catching the 7.10 bus", "not catching up".)
    r"(?:not|no\s+longer)\s+(?:catching|contagious|infectious)\b"
    r"(?![ \t]+(?:up|on|out|the|a|an|our|your|his|her|their|my|this|that|these|those|it|them|him|us)\b|[ \t]+\d)|"
    # ... or be vaccinated: "you can still have your flu jab if you've got a mild cold".
    r"(?:can|could|should)\s+still\s+(?:have|get)\s+(?:your|the|a|their|his|her)\s+(?:\w+\s+)?(?:jab|vaccin\w+|booster)|"
    r"keep(?:ing)?\s+(?:them|it|yourself|him|her|your\s+\w+)?\s*(?:cool|warm|hydrated|moving|raised|active|clean|dry|"
    r"out\s+of\s+the\s+(?:water|sun|bath))|"
    # A blood reading that will be fine, a gentle walk: "your blood sugar will be fine if you eat lunch".
    r"(?:sugars?|levels?|pressure|temperature)\s+(?:will|'ll|should)\s+be\s+(?:fine|ok|okay|normal|back\s+to\s+normal)|"
    r"(?:have|go\s+for|take)\s+a\s+(?:short|gentle|brisk|quick|little)\s+walk|"
    # (Not "thank you for using the gel": thanks for what was done.)
    # (And putting one on: "pop a blister plaster over the top", "slap on some aftersun".)
    rf"(?<!for\s)(?:take|taking|took|need|needs|use|using|try|trying|give|giving|apply|applying|pop|put|stick|slap|smear|"
    rf"dab|spray|rub)\s+(?:on\s+)?(?:\d+\s+|some\s+|an?\s+|"
    rf"the\s+|your\s+|them\s+|him\s+|her\s+)?(?:[\w-]+\s+)?(?:{_MEDICINES})"
    # (Not taking it along: "pop your inhaler in your bag", "take your tablets with you".)
    r"(?!\s+(?:in|into)\s+(?:your|the|a|his|her|their)\s+(?:bag|pocket|handbag|rucksack|car|coat)|\s+with\s+you)|"
    r"try\s+(?:some|a|an|taking|using|honey)\b|try\s+(?:not\s+)?to\s+(?!(?:call|ring|book|contact|get\s+through|arrive|attend|come|be|bring|"
    r"leave|park|allow|fill|log|register|keep\s+your\s+appointment)\b)\w+|"
    r"(?:easy\s+to\s+(?:treat|get\s+rid\s+of|clear|manage)|treat(?:ed)?\s+(?:it\s+|them\s+)?with)|"
    r"(?:eat|eating)\s+more|gargl\w+|"
    # Cutting something out, as an order or a remedy in a list: "Cut back on drinks after tea", "keeping off energy
    # drinks"; not the service's own cuts ("we've had to cut back on clinics", "the new route will cut down on").
    r"(?:and|then|just)\s+cut\s+(?:back|down)\s+on|cut(?<!\w\scut)\s+(?:back|down)\s+on|"
    r"(?:cutting|easing)(?<!(?:re|is|be|en)\scutting)(?<!(?:re|is|be|en)\seasing)\s+(?:back|down)\s+on|(?:keep|keeping|stay|staying|lay|laying)\s+off\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:drinks?|booze|beers?|wine|alcohol|caffeine|coffee|sugar|sweets|screens?|chocolate|junk\s+food)|"
    r"ice\s+it|wash\s+your\s+hands|pace\s+yourself|avoid\s+\w+|cool\s+(?:the\s+skin|it|them|(?:\w+\s+)?down)|"
    r"get\s+(?:some|plenty\s+of|enough|more)\s+(?:sleep|rest)|(?:don't|do\s+not|never)\s+(?:use|scratch|pick|squeeze|nap|smoke)\b|"
    # (Not "PALS can help"; nor what a story will do for others: "Thank you for sharing your story. It will help others
    # feel less alone".)
    rf"(?:{_MEDICINES}|it|this|that|they|these)\s+(?:can|may|might|could|will)\s+(?:\w+\s+)?help"
    r"(?!\s+(?:us|others|other\s+(?:people|families|patients|carers|parents)|everyone|the\s+team|staff)\b)|"
    r"(?:clear|clears|cleared|clearing)\s+up(?!\s+(?:once|when|after)\s+(?:the|our)\s+(?:\w+\s+){0,2}(?:team|staff|server|"
    r"system|phones?|lines?|practice|clinic|site|app|website)s?\b)|(?:get|gets|getting)\s+better\s+(?:by\s+(?:it|them)sel\w+|on\s+\w+\s+own)|"
    r"on\s+(?:its|their)\s+own|by\s+(?:it|them)sel(?:f|ves)|sort(?:s|ed|ing)?\s+(?:it|them)sel(?:f|ves)\s+out|"
    r"should\s+(?:\w+\s+)?(?:clear|go|pass|settle|improve|ease|heal|help|be\s+fine|feel\s+better|come\s+down|get\s+better)|"
    r"(?:you'll|you\s+will|you\s+should)\s+be\s+(?:fine|ok|okay|right\s+as\s+rain)|feel\s+better\s+(?:in|soon|by)|"
    # Not a bare "don't worry": "Don't worry, the asthma clinic is still on".
    r"nothing\s+(?:serious|sinister|to\s+(?:worry|panic|fret|stress)\s+about|to\s+be\s+(?:worried|concerned)\s+about)|"
    r"(?:do|does)\s+(?:you|them|him|her)\s+(?:the\s+world\s+of\s+|a\s+lot\s+of\s+|some\s+)?good|"
    r"(?:very\s+|highly\s+)?unlikely\s+to\s+be\s+(?:anything\s+)?(?:serious|sinister|worrying|dangerous|harmful|"
    r"a\s+problem|anything\s+to\s+worry\s+about)|"
    # A remedy's effect: "frozen peas will take the swelling down", "fresh air can calm things down".
    r"(?:can|may|might|could|will|should)\s+(?:help\s+)?(?:(?:calm|settle|ease|soothe)\s+(?:\w+\s+){0,2}down|"
    r"(?:take|bring)\s+(?:the\s+|a\s+|your\s+|their\s+)?(?:swelling|temperature|fever|inflammation|pain|redness)\s+down)|"
    # How a complaint takes to a remedy: "cracked heels respond really well to a urea cream".
    rf"respond(?:s|ed)?\s+(?:\w+\s+)?well\s+to\s+(?:an?\s+|the\s+|some\s+)?(?:[\w-]+\s+)?(?:{_MEDICINES}|treatment)|"
    # A dose and how often: "take one every morning through May and June"; or a dose kept to: "you'd need to stay on
    # the dose you were started on".
    r"\btake\s+(?:one|two|1|2)\s+(?:a\s+day|daily|every\s+(?:morning|evening|night|day)|each\s+(?:morning|evening|night|day)|"
    r"twice|once|at\s+night)\b|\b(?:stay|keep|stick)\s+(?:on|with|to)\s+(?:the|your|this|that)\s+(?:same\s+|current\s+|"
    r"lower\s+|usual\s+)?dose\b|"
    # A medicine said to be safe, or fine for a complaint, and a cream's measure: "Topical steroids are safe when used
    # as directed. Use one fingertip unit to cover an area the size of two adult hands", "Paracetamol is fine for
    # period-type cramps while you wait for your scan"; or as good as another, so one may stand for the other:
    # "Sandrena sachets are basically the same thing", "the HRT gel is just as good as patches" (not "the same price").
    rf"(?:{_MEDICINES}|{_DRUG_NAME})(?:\s+(?:sachets?|patch(?:es)?|pumps?|pessaries))?\s+(?:are|is)\s+(?:(?:perfectly\s+|completely\s+|"
    r"totally\s+|very\s+|quite\s+)?safe\b|(?:perfectly\s+|completely\s+|totally\s+)?(?:fine|ok|okay|alright)\s+(?:for|to\s+take|"
    r"while|with)\b|(?:basically\s+|pretty\s+much\s+|essentially\s+|exactly\s+|just\s+)?(?:the\s+same(?:\s+thing\b|\s+as\b|"
    r"(?=\s*(?:[,.;!?]|[-–—]|$)))|as\s+good(?:\s+as\b|(?=\s*(?:[,.;!?]|[-–—]|$)))))|fingertip\s+units?\b|"
    # A medicine's safety for someone: "they won't harm baby", "it won't do you any harm".
    r"(?:won't|will\s+not|wouldn't|doesn't|does\s+not|shouldn't|can't)\s+(?:harm|hurt)\s+(?:the\s+|your\s+)?"
    r"(?:baby|babies|bump|you|him|her|them)\b|(?:won't|will\s+not|wouldn't)\s+do\s+(?:(?:you|him|her|them|baby)\s+)?any\s+(?:lasting\s+|real\s+)?(?:harm|damage)|"
    # What goes on while on a medicine: "carry on breastfeeding while you're on those antibiotics".
    r"while\s+(?:you're|you\s+are|she's|he's|they're|on|taking|using)\s+(?:on\s+|taking\s+|using\s+)?"
    r"(?:those\s+|these\s+|the\s+|your\s+|her\s+|his\s+|their\s+|a\s+course\s+of\s+)?(?:\w+\s+)?"
    rf"(?:{_MEDICINES}|{_DRUG_NAME})(?!\s+(?:team|orders?|deliver\w*|stock|suppl\w+|prescriptions?|reviews?|clinics?|services?)\b)|"
    # A remedy put on the body, with when: "apply it at night", "rub some in before bed".
    r"(?:apply|rub|smooth|spread|massage)\s+(?:it|them|some|a\s+little|a\s+thin\s+layer)\s+(?:\w+\s+){0,2}?"
    r"(?:at\s+night|before\s+bed(?:time)?|at\s+bedtime|every\s+(?:night|morning)|in\s+the\s+(?:morning|evening))|"
    # A remedy's effect in the present: "nappy rash clears quickly with a barrier cream", "warm drinks with honey help".
    r"(?:clears?|settles?|eases?|improves?|goes)\s+(?:up\s+|away\s+|down\s+)?(?:\w+\s+)?with\s+(?:an?\s+|some\s+|the\s+)?"
    rf"(?:[\w-]+\s+)?(?:{_MEDICINES})|"
    r"(?:best|better)\s+left\s+alone|(?:don't|do\s+not|never)\s+(?:pop|burst|touch|rub|pick\s+at)\b|"
    r"(?:really|definitely|genuinely|honestly|actually|truly|also|both|all)\s+help\b(?<!would\sreally\shelp)(?!\s+(?:us|others|people|everyone|the\s+team|staff))|"
    r"(?:rarely|seldom|not|isn't|aren't)\s+(?:usually\s+|normally\s+|often\s+|generally\s+)?(?:anything\s+)?"
    r"(?:serious|dangerous|harmful|to\s+worry\s+about|anything\s+to\s+worry\s+about)|"
    # "it's fine to have a glass of wine with antibiotics", "paracetamol is OK to take": permission is advice.
    # ... with a person as subject, what the body may do: "He's fine to have a bath with the cast on" (not "you're fine
    # to wait").
    r"(?:he's|she's|they're|you're)\s+(?:\w+\s+)?(?:fine|ok|okay|alright|safe)\s+to\s+(?:have\s+a\s+(?:bath|shower)|bath|"
    r"shower|swim|exercise|eat|drink|fly|travel|breastfeed|drive|go\s+(?:out|outside|swimming)|take|carry\s+on)\b|"
    r"(?:is|are|it's|it\s+is|that's|perfectly|completely|usually)\s+(?:\w+\s+)?(?:fine|ok|okay|alright|safe)\s+to\s+"
    r"(?:take|have|use|drink|eat|give|mix|carry\s+on|go\s+back|return|exercise|keep|continue|stop|leave|wait|"
    r"breastfeed|drive|fly|swim|travel|go\s+(?:out|outside|swimming)|bath|shower)\b|"
    # ... or fine for school, and on a condition: "they're fine for school", "as long as it's covered".
    r"(?:they're|they\s+are|he's|she's|he\s+is|she\s+is|you're|you\s+are)\s+(?:\w+\s+)?(?:fine|ok|okay|alright)\s+"
    r"(?:for|to\s+go\s+(?:back\s+)?to)\s+(?:school|nursery|work|college)|"
    r"(?:you|he|she|they|baby)\s+(?:can|could)\s+(?:still\s+)?go\s+swimming\b|"
    # ... or carry on (not "you can carry on using the breastfeeding room"), or won't catch it.
    r"(?:he|she|they|you)\s+can\s+(?:still\s+)?carry\s+on\b(?!\s+\w+ing)|(?:won't|can't|cannot|will\s+not)\s+catch\s+"
    r"(?:\w+\s+)?from\b|let\s+(?:the\s+)?(?:fresh\s+)?air\s+(?:get\s+)?to\s+(?:it|them)|"
    r"as\s+long\s+as\s+(?:it's|it\s+is|they're|they\s+are)\s+(?:covered|kept\s+\w+|dry|clean)\b|"
    # A remedy on a body part for a while: "Cold spoons on your eyelids for a few minutes".
    rf"on\s+(?:your|his|her|their|the)\s+(?:{_BODY}|eyelids?|forehead|head)\s+for\s+(?:a\s+few|a\s+couple\s+of|\d+|five|ten|"
    r"twenty)\s+minutes|"
    # A remedy at every change or feed: "a thin layer of barrier cream at every change".
    r"at\s+(?:every|each)\s+(?:nappy\s+)?(?:change|feed|meal)\b|"
    r"(?:is|are)\s+best\s+(?:taken|used|given|applied|to\s+take|avoided)|"
    # How a medicine goes with something else: "a glass or two won't clash with your sertraline".
    # (Not "the inhaler orders": a medicine naming a service thing.)
    r"(?:clash|clashes|interact|interacts|interfere|interferes|react|reacts|mix|mixes)\s+with\s+"
    rf"(?:your\s+|the\s+|his\s+|her\s+|their\s+)?(?:\w+\s+)?(?:{_MEDICINES})(?!\s+(?:orders?|deliver\w*|stock|"
    r"suppl\w+|prescriptions?|reviews?|clinics?|services?|shortages?|systems?|apps?)\b)|"
    # ... or mixed, done or not, in Scots too: "ye cannae mix the Night Nurse wi' the co-codamol" (not "mix up").
    r"\bmix(?:ing)?(?!\s+up\b)\s+(?:(?:the|your|his|her|their|it|them|a|any)\s+)?(?:[\w-]+\s+){0,3}?(?:with|wi'?|and)\s+"
    rf"(?:(?:the|your|his|her|their|any|other)\s+)?(?:[\w-]+\s+)?(?:{_MEDICINES})(?!\s+(?:orders?|deliver\w*|stock|suppl\w+|"
    r"prescriptions?|reviews?|clinics?|services?|shortages?|systems?|apps?)\b)|"
    # ... or had with it: "Your dad can have a small whisky with his evening tablets".
    # ("... can have a small sherry with his Christmas dinner on those tablets": while on them.)
    r"(?:can|could|may)\s+(?:still\s+)?(?:have|take|drink|eat)\s+(?:[\w-]+\s+){1,8}?(?:with|on|while\s+(?:on|taking))\s+"
    r"(?:his|her|your|their|the|my|those|these|that|this)\s+"
    rf"(?:[\w-]+\s+)?(?:{_MEDICINES})(?!\s+(?:orders?|deliver\w*|stock|suppl\w+|prescriptions?|reviews?|clinics?|"
    r"services?|shortages?|systems?|apps?)\b)|"
    # ... or whether it stops the medicine working: "a couple of drinks won't stop your amoxicillin working".
    rf"(?:stop|stops|stopping|affect|affects)\s+(?:your|the|his|her|their)\s+(?:{_MEDICINES}|[a-z]{{3,}}(?:cillin|mycin|"
    r"cycline|azole|pril|olol|statin|sartan|oxetine|pram|formin|arin))\s+(?:from\s+)?working\b|"
    # What will happen: "they'll be over the sickness in a day or two", "it will pass" (not how news will feel: "you'll
    # feel better knowing where you stand").
    r"(?:you|they|he|she|it|baby)(?:'ll|\s+will|\s+should)\s+(?:\w+\s+)?(?:be\s+(?:over|fine|ok|okay|better|"
    r"back\s+to\s+normal|right)|feel\s+(?:much\s+|a\s+lot\s+)?(?:better|fine)(?!\s+(?:for\s+)?(?:knowing|about))|"
    r"get\s+better|pass|settle|heal|perk\s+up|pick\s+up|buck\s+up)|(?:will(?<!\bwe\swill)|'ll(?<!\bwe'll))\s+pass|"
    # (Not "bring lots of water" to a fun run: "plenty of water" is the advice's own phrase, "lots of" less so.)
    r"plenty\s+of\s+(?:\w+\s+(?:and\s+)?){0,2}(?:water|fluids|milk|drinks|rest|sleep)|"
    r"(?:lots|loads)\s+of\s+(?:\w+\s+(?:and\s+)?){0,2}(?:fluids|drinks|rest|sleep)|"
    r"helps?\s+(?:to\s+)?(?:ease|soothe|relieve|calm|settle|reduce|with\s+(?:the\s+|your\s+)?"
    r"(?:itch\w*|pain|symptoms|swelling|discomfort|soreness|fever|temperature|sickness|nausea))|"
    r"try\s+(?!booking|calling|ringing|again|contacting)\w+ing\b|"  # "try breathing slowly", not "try calling us"
    r"(?:put|hold|press)\s+(?:\w+\s+){0,3}(?:ice|cold\s+compress|compress|pressure|a\s+cold\s+\w+)|"
    r"nothing\s+to\s+worry\s+about|(?:is|are|it's|that's|usually|generally|completely|totally)\s+(?:\w+\s+)?harmless|"
    r"(?:can|may|will|often|usually)\s+last\s+(?:for\s+)?(?:up\s+to\s+)?(?:\d+|a\s+few|a\s+couple\s+of|several)\s+"
    r"(?:days|weeks|months)|"
    # How it passes or eases, in any tense: "it goes away in a day or two", "can be eased with a hot water bottle".
    r"(?:go|goes|going|gone|went)\s+away|(?:wear|wears|wearing|wore|worn)\s+off|(?:die|dies|died|dying)\s+down|"
    r"(?:can|may|could|will|should|is|are)\s+(?:usually\s+|often\s+|easily\s+)?(?:be\s+)?(?:eased|relieved|soothed|"
    r"treated|managed|settled|calmed)\b|(?:can|may|could|will|should)\s+(?:\w+\s+)?be\s+sorted\s+(?:by|with)\s+\w+ing\b|"
    # (Not "our housing team can help with repairs": the service's help.)
    r"(?<!team\s)(?<!service\s)(?<!staff\s)(?<!\bwe\s)(?<!PALS\s)(?<!line\s)(?<!group\s)(?<!centre\s)(?<!clinic\s)"
    r"(?<!unit\s)(?<!app\s)(?<!hub\s)"
    r"(?:can|may|might|could|will|should|does|do)\s+help\s+(?:to\s+)?(?:clear|ease|soothe|relieve|calm|settle|reduce|"
    r"loosen|unblock|bring|with)|"
    r"(?:just|only)\s+(?:a|an)\s+(?:\w+\s+)?(?:cold|virus|bug|infection|sprain|strain|graze|bruise|rash|reaction|"
    r"side\s+effect)|"
    r"keep\s+(?:on\s+)?(?:giving|taking|using|drinking|eating|feeding|breastfeeding|applying|moving)|"
    r"(?:watch|look)\s+(?:out\s+)?for\s+(?:any\s+)?(?:signs|symptoms)|be\s+(?:kind|gentle|easy)\s+(?:to|with|on)\s+yourself|"
    # A remedy's effect on an itch, waiting before worrying, a complaint that hangs about.
    r"(?:take|takes|took)\s+the\s+(?:itch|sting|heat|soreness)\s+(?:out|away|off)|before\s+(?:worrying|panicking)|"
    r"(?:can|may|will|tend\s+to)\s+(?:hang\s+(?:about|around)|drag\s+on)|"
    r"keep\s+to\s+(?:a|your|their|his|her|the\s+same)\s+(?:usual\s+)?(?:routine|bedtime)|(?:get|gets|getting)\s+(?:easier|fewer)|"
    r"same\s+time\s+every\s+night|same\s+(?:sleep|bed|wake(?:-up)?|waking)\s*times?\s+every\s+(?:day|night|morning)|no\s+screens\s+(?:after|before)|"
    # Permission on a condition: "as long as she's still having her milk" (not "still taking part in the study").
    r"as\s+long\s+as\s+(?:he|she|they|you|baby)(?:'s|'re|\s+is|\s+are)?\s+(?:still\s+)?"
    r"(?:having|drinking|eating|feeding|taking(?!\s+part)|weeing|passing)|"
    # A recommendation in the writer's own voice, unless it is only a way to book or call.
    r"(?:we'd|we\s+would|I'd|I\s+would|we|I)\s+(?:always\s+)?(?:recommend|suggest|advise)(?!\s+(?:booking|calling|"
    r"ringing|contacting|visiting|checking|getting\s+in\s+touch|that\s+you\s+(?:call|contact|book|ring)))|"
    # A remedy that clears it in a while: "an antifungal cream clears it in a couple of weeks".
    r"(?:clears|shifts|sorts|fixes|cures)\s+(?:it|them)(?:\s+up|\s+out)?\s+(?:in|within)\s+(?:a|an|\d+|a\s+few|"
    r"a\s+couple\s+of|one|two|three)\s+(?:days?|weeks?|fortnight)|"
    # (Text-speak too: "make sure shes drinking loads", "make sure u rest".)
    # (Not what the service will see to: "we'll make sure they have our eczema care plan".)
    r"(?<!\bwe'll\s)(?<!\bwe\swill\s)(?<!\bI'll\s)(?<!\bwe'd\s)"
    r"make\s+sure\s+(?:you|u|they|he|she|your\s+\w+|ur\s+\w+)(?:'?s|'?re)?\s+(?:\w+\s+)?(?:drink|rest|take|get|keep|"
    r"have|eat|stay|wash|finish|use)|keep\s+an\s+eye\s+on\s+(?:it|them|him|her|the\s+\w+|their\s+\w+|"
    # (Not "your texts", "your inbox": watching for the service's message.)
    r"your\s+(?!(?:texts?|inbox|e-?mails?|post|letters?|phone|app|messages?|junk|spam)\b)\w+)|"
    # When to take or do it: "every 4 hours", "every 3 days", "between feeds", "before bed".
    # (A remedy before the time: "a drop-in between feeds" is a service's hours.)
    r"(?:every|each)\s+(?:\d+|two|three|four|five|six)(?:\s+to\s+\d+)?\s+(?:hours|days)|"
    # ... or a meal or dose not to skip: "PLEASE DON'T SKIP MEALS to lose weight with diabetes".
    r"(?:don't|do\s+not|never|avoid)\s+skip(?:ping)?\s+(?:meals|breakfast|lunch|dinner|doses?)\b|"
    # ... or with food: "ibuprofen with food" (one alternative, as each led by the medicines costs a pass).
    rf"(?:{_MEDICINES}|water|milk|drinks?|bath|shower|(?:take|have|give)\s+(?:them|it|these|one)),?\s+"
    r"(?:with\s+(?:food|meals?|milk|water)|(?:\w+\s+){0,2}"
    r"(?:between\s+feeds|before\s+(?:bed(?:time)?|feeds|you\s+(?:go|head)\s+out(?:side)?|going\s+out|you\s+set\s+off)|at\s+(?:bedtime|night)|"
    r"overnight|tonight|when\s+you\s+go\s+out|after\s+(?:meals|feeds|(?:every|each)\s+(?:meal|feed)))|"
    # ... or on a body part, or for a while: "Vaseline on your thighs", "a cold flannel over them", "Hot water, as hot
    # as you can bear, for half an hour".
    rf"(?:on|over|under)\s+(?:them|it|(?:your|his|her|their)\s+(?:{_BODY}))\b|[^.!?\n]{{0,30}}?\bfor\s+(?:about\s+)?"
    r"(?:half\s+an\s+hour|an\s+hour|\d+\s+minutes|(?:a\s+few|five|ten|fifteen|twenty|thirty)\s+minutes)\b"
    r"(?!\s+(?:on|in|at)\s+(?:the|our)\b))|"  # (not "no hot water for half an hour on the ward")
    # What to keep someone from, and what not to do for a while: "should be kept out of direct sun", "Don't swim for 48
    # hours after a bout of diarrhoea".
    r"should\s+be\s+kept\s+(?:out\s+of|away\s+from|off|at\s+home|cool|warm|indoors)|"
    r"(?:don't|do\s+not|never|avoid)\s+(?!(?:wait|queue|park|call|ring|hold|leave|book|phone)\w*\b)\w+\s+(?:for|until|within)\s+(?:\d+|a\s+few|a\s+couple\s+of|the\s+first)\s+"
    r"(?:hours|days|weeks)|"
    # A remedy that brings a reading down: "brilliant for bringing cholesterol down", "a brisk walk after meals brings
    # your sugars down".
    r"(?:(?:for|will|can|helps?|helping)\s+(?:to\s+)?(?:bring|bringing|get|getting|keep|keeping)\s+(?:your\s+|the\s+|their\s+)?|"
    r"(?:brings|gets)\s+(?:your|their|his|her)\s+)"
    r"(?:cholesterol|blood\s+pressure|"
    r"sugars?|blood\s+sugars?|weight|temperature|fever|swelling)\s+(?:levels?\s+)?down|"
    # What is not needed for it, or need not stop: "you won't need stitches", "you don't have to stop breastfeeding if
    # you've got the flu" (not "... to come to our class").
    r"(?:won't|don't|doesn't|shouldn't)\s+need\s+(?:any\s+)?(?:stitches|antibiotics|steri-?strips|a\s+tetanus)\b|"
    r"(?:don't|do\s+not|won't)\s+(?:have|need)\s+to\s+stop\s+(?:breastfeeding|feeding|taking|using|exercising|eating|"
    r"drinking)\s+(?:\w+\s+)?(?:if|while|when|with|because)\b|"
    # A remedy held on a body part: "a heat pad on your tummy".
    r"(?:heat\s+pads?|hot\s+water\s+bottles?|ice\s+packs?|(?:cold|warm)\s+(?:compress\w*|flannels?))\s+on\s+"
    rf"(?:your|his|her|their|the)\s+(?:\w+\s+)?(?:{_BODY}|forehead|head)\b|"
    # A remedy that makes the body's work easier: "saline drops make it easier for her to breathe".
    r"(?:make|makes|made)\s+it\s+easier\s+(?:for\s+\w+\s+)?to\s+(?:breathe|sleep|feed|swallow|settle|eat|poo|wee)|"
    # One dose as a noun phrase: "one dose for the whole family", "another dose in two weeks" (not "one dose of the RSV
    # vaccine is offered": a vaccine's dose is the service's).
    r"(?:one|a\s+single|a\s+second|another)\s+dose\b(?!\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:vaccin\w*|jabs?|boosters?))|"
    # Permission despite the complaint: "you can still breastfeed with a cold".
    r"(?:you|he|she|they|baby)\s+(?:can|could)\s+still\s+(?:breastfeed|feed|exercise|swim|drive|fly|travel|eat|drink|bath|shower|have\s+a\s+(?:bath|shower))\b|"
    # ... and a jab had despite it: "you can have the jab with a cold".
    r"(?:you|he|she|they|baby)\s+(?:can|could)\s+(?:still\s+)?have\s+(?:the|your|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:jab|vaccine|"
    r"vaccination|booster)\s+(?:even\s+)?with\s+an?\s+\w|"
    # A remedy's effect at the end of its sentence: "walking the aisle every hour sorts it", not "we'll sort it".
    r"(?:gets?|getting)\s+rid\s+of\s+(?:it|them)|(?<!we'll\s)(?<!will\s)(?<!can\s)(?<!to\s)sorts?\s+(?:it|them)"
    r"(?:\s+out)?(?=\s*(?:[.!]|$))|(?<!that\s)(?<!this\s)works?\s+(?:for|on)\s+(?:lots|loads|many|most|plenty)\b|"
    # How often, as a regimen: "twice a day", "three sets a day", "10 reps" (exercise sets are a regimen).
    r"(?:once|twice|three\s+times|four\s+times|\d+\s+times)\s+a\s+day|(?:\d+|two|three|four|five|six|ten)\s+(?:sets|reps)\s+"
    r"(?:a\s+day|of\s+(?:\d+|five|ten|twelve|fifteen|twenty)|each\s+(?:side|leg|arm|day)|(?:every|each)\s+(?:day|morning|evening))|"
    # A family's story of what works: "works for ours every time", "worked for my two" (not "Tuesday works for us").
    r"(?:works?|worked)\s+(?:a\s+treat\s+)?for\s+(?:ours|mine|my\s+(?:\w+\s+)?(?:lot|two|three|kids|boys?|girls?|son|"
    r"daughter|children|little\s+ones?|baby|toddler)|our\s+(?:\w+\s+)?(?:lot|kids|boys|girls|son|daughter|children|"
    r"little\s+ones?|baby|toddler))\b|"
    r"give\s+it\s+(?:a\s+few|a\s+couple\s+of|\d+|some)\s+(?:more\s+)?(?:days|weeks|time)|wait\s+and\s+see|"
    # How soon a treatment must start: "PEP needs to be started within 72 hours of exposure".
    r"(?:needs?|has|have|must)\s+(?:to\s+)?be\s+(?:started|taken|used|given|applied)\s+within\s+\d+|"
    # "pretty common", "really normal"; not "is not expected".
    # (Not "are common asthma triggers - our housing team can help": what sets it off is read in a sentence with no
    # word of the service, below.)
    # (Not "it's normal to have questions about the changes": what is normal is the asking.)
    # (Nor what is common a belief or a question: "It's a common myth! A smear doesn't test for ovarian cancer"; nor
    # who it is most common in, a figure: "Chlamydia is most common in under 25s".)
    r"(?:is|are|it's|that's)\s+(?!not\b|never\b|most\b)(?:\w+\s+)?(?:normal|common|usual|expected)\b"
    # (Nor what a service's test is: "Most are a normal blood test".)
    r"(?!\s+(?:\w+\s+)?(?:triggers?|myths?|misconceptions?|misunderstandings?|mistakes?|questions?|quer(?:y|ies)|beliefs?|"
    r"tests?|checks?|appointments?|scans?)\b)"
    r"(?!\s+to\s+(?:have\s+(?:\w+\s+)?(?:questions|queries|concerns)|ask|wonder|want\s+to\s+know)\b)"
    # (Nor how common it is as news: "Self-harm is more common than many people think".)
    r"(?!\s+than\s+(?:\w+\s+){0,2}?(?:think|realise|realize|imagine|expect)\b)|"
    # ... or a stage of life: "creaky knees are part of getting older", "it's all part of growing up".
    r"(?:is|are|it's|that's)\s+(?:\w+\s+)?part\s+of\s+(?:getting\s+older|growing\s+(?:up|older)|ageing|aging|"
    r"(?:being\s+)?pregnan\w+|the\s+menopause|teething|healing)|"
    r"(?:is|are|it's)\s+(?:perfectly\s+|completely\s+|very\s+)?safe\s+(?:to\s+(?:take|use|have|eat|drink|give|mix)|"
    r"for\s+(?:you|children|babies|kids|your\s+\w+|pregnant)|(?:in|during)\s+pregnancy|while\s+(?:pregnant|breastfeeding))|"
    r"(?:usually|normally|often|generally)\s+(?:\w+\s+)?(?:help|work|do(?:es)?\s+the\s+trick|clear|go|settle|pass|"
    r"get|improve|down\s+to|caused)\w*|helps(?!\s+(?:others|people|everyone|other|us|them|up\s+to|save|fund|pay|support)\b|\s+\d)|helps?\s+(?:them|him|her|you)\s+(?:to\s+)?(?:wind\s+down|"
    r"settle|sleep|calm|relax|feel\s+better|recover)|works?\s+(?:well|a\s+treat|wonders)|"
    r"makes?\s+a\s+(?:big|real|huge|massive)\s+difference|until\s+it\s+(?:passes|wears\s+off|settles|goes)|"
    # (Not sympathy: "It sounds like a really hard week for all of you".)
    r"(?:it\s+)?sounds?\s+like\s+(?!(?:an?\s+|such\s+an?\s+)?(?:(?:really|very|so|incredibly|truly|absolutely|quite|much|"
    r"bit\s+of\s+a)\s+)*(?:hard|tough|difficult|awful|horrible|horrendous|rough|stressful|frightening|scary|worrying|upsetting|distressing|pressure|stress|"
    r"exhausting|frustrating|long|lot|nightmare|ordeal|struggle|worry|time|week|day|night|wait|lovely|great|brilliant|"
    r"wonderful|fantastic)\b|"
    # (Nor what a cough sounds like, as the parent heard it: "the croup cough really does sound like a bloody seal".)
    r"an?\s+(?:\w+\s+)?(?:seals?|dogs?|geese|goose|ducks?|donkeys?|foghorns?|trains?|walrus)\b|"
    # (Nor praise: "it sounds like you're all doing brilliantly".)
    r"(?:you(?:'re|\s+are)|you've\s+been|she's|he's|they're)\s+(?:all\s+|both\s+)?(?:doing|coping|managing)\s+(?:so\s+|really\s+)?"
    r"(?:brilliantly|amazingly|well|great|everything|(?:a|an)\s+(?:great|brilliant|amazing|fantastic)\s+job)\b|"
    # ("it sounds like you did everything right getting her seen".)
    r"(?:you|he|she|they)(?:'ve|\s+have)?\s+(?:did|done)\s+(?:everything\s+right|the\s+right\s+thing|all\s+the\s+right\s+things|"
    r"so\s+well|brilliantly)\b)"
    r"(?:you(?:'ve|\s+have)\s+(?:got\s+)?)?(?:an?\s+|it's\s+)?|"
    # ("prob", "prolly": text-speak's "probably", as in "the confusion is prob a water infection".)
    r"(?:it's|it\s+is|that's|is|are|its|thats)\s+(?:probably|prob|prolly|likely|most\s+likely|almost\s+certainly)\b|"
    r"(?:probably|prob|prolly)\s+just|"
    r"rarely\s+(?:means|a\s+sign)|hang\s+around\s+for|"
    # A remedy's or a habit's effect, or a story of one: "steam loosens it right up", "they make them worse",
    # "peppermint capsules are great for the cramping", "it was gone in 3 days".
    r"(?:loosens|clears|eases|soothes|settles|calms|shifts)\s+(?:it|them|things)\s+(?:(?:right\s+)?(?:up|down)|nicely|"
    r"a\s+treat|brilliantly)|"
    # Plain food, and a medicine given or combined: "stick to plain food", "may be taken alongside ibuprofen".
    r"(?:stick|switch|keep)\s+to\s+(?:plain|bland|soft|light|simple|decaf|water|bottled|boiled|diluted|sugar-free|"
    r"low-fat|small)\b|"
    r"(?:may|can|should)\s+(?:safely\s+|also\s+)?be\s+(?:taken|given|used|applied|combined)\s+(?:with|alongside|together|"
    r"at\s+the\s+same\s+time|on\s+an\s+empty)|"
    r"(?:makes?|making|made)\s+(?:it|them|symptoms)\s+worse|"
    r"(?:great|good|brilliant|amazing|perfect|the\s+best)\s+for\s+(?:the\s+|your\s+|a\s+|an\s+)?(?:cramp\w*|pain|"
    r"aches?|itch\w*|cough\w*|colds?|sickness|nausea|bloating|swelling|spots|sore\s+\w+)\b"
    r"(?!\s+(?:clinics?|service|team|unit|ward|centre|appointments?|nurses?))|"
    r"(?:was|were|is|are|it's)\s+gone\s+(?:in|within|after)\b|\b(?:it|they)\s+(?:was|were)\s+(?:all\s+)?gone\s+by\b|"
    # "grows back", "it goes down overnight", "does get better", "can linger for months", "is what works",
    # "you won't pass it on", "nothing you need to do except...".
    r"(?:grow|grows|grew|growing)\s+back|shak(?:e|es|ing|en)\s+(?:it|them)\s+off|(?:it|this|that|which|-)\s+works\s+overnight|(?:go|goes|went|will\s+go)\s+down\s+(?:overnight|by\s+itsel\w+|"
    r"on\s+its\s+own|in\s+a\s+(?:day|few|couple))|(?:does|do|will)\s+get\s+(?:better|easier)|"
    r"(?:can|may|might|will)\s+linger|(?:is|are)\s+what\s+(?:works|helps|helped|worked)|"
    r"(?:won't|will\s+not|can't|cannot|wouldn't)\s+pass\s+(?:it|anything|this|that|the\s+\w+)\s+on|"
    r"nothing\s+(?:you\s+)?(?:need|have)\s+to\s+do\s+(?:except|but|apart\s+from|other\s+than)|"
    # (Not "nothing to do but wait": waiting is the service's.)
    r"nothing\s+to\s+do\s+(?:except|but|apart\s+from|other\s+than)\s+(?!(?:wait|queue|sit|hope|apologise|say)\b)|"
    r"(?:put|keep|get)\s+your\s+feet\s+up|"
    # Reassurance by how common or passing it is: "happens to loads of women", "in most cases it carries on",
    # "isn't permanent", "they grow out of them", "your immune system doing its job".
    r"happens\s+to\s+(?:loads|lots|most|many|plenty|a\s+lot)\s+of|in\s+most\s+cases|"
    r"(?:isn't|is\s+not|aren't|are\s+not|not)\s+(?:usually\s+)?permanent|(?:grow|grows|grew|growing|grown)\s+out\s+of\s+(?:it|them)|(?:keeps?|kept)\s+(?:it|them)\s+(?:away|at\s+bay)\b|(?:\d+(?:\.\d+)?|two|three)\s+litres\s+(?:of\s+water\s+)?a\s+day|wraparound\s+(?:sunglasses|sunnies|shades)|(?:gloves|mittens|hats?|socks|layers|scarf|sun\s?cream|sunscreen|spf\s*\d*)\s+on\s+(?:before|when|whenever)\s+you\s+(?:go|head)\s+out(?:side|doors)?\b|(?:won't|doesn't|will\s+not|does\s+not|can't)\s+cure\s+(?:it|them)\b|needs?\s+(?:strapping|icing|resting|elevating|splinting|to\s+be\s+(?:strapped|rested|iced|elevated|splinted))\b|"
    r"doing\s+(?:its|their)\s+job|"
    # A dose as a noun phrase: "a couple of paracetamol and an early night", "two extra puffs of your blue inhaler".
    r"(?:a\s+couple\s+of|a\s+few|two|three|four|(?<![\d,.])\d)\s+(?:extra\s+|more\s+)?puffs\s+of\b|"
    rf"(?:a\s+couple\s+of|a\s+few|two|(?<![\d,.])\d)\s+(?:{_MEDICINES})\b"
    r"(?![^.!?\n]{0,200}\b(?:sorry|apolog\w+|mixed\s+up|out\s+of\s+stock|missing|handed\s+in)\b)|"
    # Starting, stopping or a remedy's effect: "don't stop your antidepressants suddenly", "Vaseline around your
    # nostrils and wraparound sunglasses can stop the pollen getting in".
    # "you don't need to finish the whole course", "double the dose": how much of a medicine to take.
    r"(?:finish|finished|finishing|complete|skip|skipping|double|doubling|halve|halving)\s+(?:the\s+|your\s+|their\s+|a\s+)?"
    r"(?:whole\s+|full\s+|next\s+)?(?:course|doses?|pack)\b|"
    # (Not a time: "Before starting methotrexate you'll need some blood tests".)
    r"(?<!\bbefore\s)(?<!\bafter\s)(?<!\bsince\s)(?<!\bwhen\s)(?<!\bwhile\s)"
    rf"(?:stop|stopping|start|starting|come\s+off|coming\s+off|keep\s+taking|carry\s+on\s+(?:taking|with)|stick\s+with)\s+"
    rf"(?:(?:your|the|his|her|their)\s+)?(?:usual\s+|normal\s+|regular\s+)?(?:\w+\s+)?"
    rf"(?:{_MEDICINES}|{_DRUG_NAME}\b)|(?:{_MEDICINES})\s+(?:(?:\S+\s+){{0,6}}?(?:can|may|might|could|will|should)\s+(?:\w+\s+)?"
    r"(?:help|stop|prevent|ease|soothe|relieve|reduce|(?:shift|clear|fix|treat|cure|kill|lift)\b)|"
    # ... how it helps or works best ("warm drinks with honey help", "hay fever tablets work better if you take them
    # before you go out") or its verdict ("antibiotics are not effective against viral infections"). (Alternatives of
    # this one: each alternative led by the medicines costs a pass.)
    r"(?:really\s+|also\s+)?help\b(?!\s*(?:line|desk|point|team))|(?:can|may|might|often|sometimes)\s+cause\b|"
    r"(?:work|works)\s+(?:much\s+|far\s+|a\s+lot\s+)?(?:better|best)\b|"
    # ("ibuprofen is better for the swelling")
    r"(?:is|are)\s+(?:much\s+|far\s+|a\s+lot\s+)?(?:better|best)\s+for\s+(?:the|your|his|her|their|a|an)\b|"
    # ... or the choice it is: "Paracetamol is the better choice for your knee", "is usually the safest option".
    r"(?:is|are)\s+(?:(?:usually|often|generally|probably)\s+)?(?:the|a|your)\s+(?:much\s+)?(?:better|best|safer|safest)\s+"
    r"(?:choice|option|bet|pick)\b|"
    # ... or is taken: "iron tablets go down better with orange juice", "are absorbed best on an empty stomach".
    r"(?:(?:go|goes|are|is|get|gets)\s+)?(?:down|absorbed|taken|given)\s+(?:much\s+|far\s+)?(?:better|best)\s+"
    r"(?:with|without|on|after|before|if|when|at|in)\b|"
    r"(?:are|is|aren't|isn't)\s+(?:not\s+|usually\s+|very\s+|highly\s+|rarely\s+)?"
    r"(?:effective|ineffective|useful|needed|necessary|recommended|suitable|helpful)\b))",
    re.IGNORECASE,
)
# Self-care told as an order: a hands-on verb opening its clause ("Comb wet hair...", "Pinch the soft part of your
# nose", "Gently wipe them"). Only verbs with no everyday service sense: not "take a look", "give us a call".
SELF_CARE_VERB = LazyPattern(
    r"\b(?:comb|wipe|pinch|lean|lie|rinse|bathe|soak|dab|raise|elevate|breathe|stretch|massage|rub|sip|drink|"
    r"rehydrate|moisturise|gargle|cool|wrap|bandage|rest(?!\s+(?:of|areas?|rooms?|stops?|breaks?|homes?)\b)|eat|avoid|"
    r"wash|clean|pat(?=\s+(?:it|them|dry|the\s+skin|your\s+skin|gently)\b)|"
    # ("sleep under a treated net", "sleep propped up": not "sleep well".)
    r"sleep(?=\s+(?:under|propped|upright|on\s+your\s+(?:back|side))\b)|"
    # ("sit down straight away", "sit near the front where it's less bumpy": not "sit the exam".)
    r"sit(?=\s+(?:down|up|upright|forward|still|quietly|near\s+the\s+front|at\s+the\s+front|by\s+a\s+window)\b))\b",
    re.IGNORECASE,
)


def _verb_forms(lemma: str) -> str:
    """A regular verb and its -s, -ed and -ing forms as one alternation ('fade' -> fade|fades|faded|fading)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
    return "|".join(dict.fromkeys((lemma, third, stem + "ed", stem + "ing")))


# How an illness runs its course ("the rash crusts over in a week", "hives will usually calm down"): a verb only
# a body does, anywhere, or a verb that is also a service's ("settle", "clear", "ease") after "will", "usually"...
_BODY_COURSE = "|".join(_verb_forms(v) for v in ("fade", "heal", "crust", "scab", "subside", "resolve"))
_COURSE = "|".join(_verb_forms(v) for v in ("settle", "calm", "clear", "ease", "pass", "recover", "dry", "loosen"))
COURSE = LazyPattern(
    # Not "we'll settle the bill", "I will clear it with the team": the service's future, not the illness's.
    # (The look-behinds follow the word they guard: before it they were tried at every position.)
    rf"\b(?:{_BODY_COURSE})\b|(?:\bwill(?<!\bwe\swill)(?<!\bI\swill)|\bshould(?<!\bwe\sshould)(?<!\bI\sshould)|"
    r"'ll(?<!\bwe'll)(?<!\bI'll)|\b(?:usually|normally|often|generally|typically|mostly|tends?\s+to|soon))"
    rf"\s+(?:\w+\s+)?(?:be\s+)?(?:{_COURSE}|gone|better)\b(?!\s+(?:for\s+)?(?:knowing|about))|\b(?:just|only)\s+needs?\b|"
    r"\bmakes?\s+(?:a\s+|all\s+the\s+)?(?:big\s+|huge\s+|real\s+|massive\s+)?difference\b|"
    # "should stop quickly", but not "the clinic will stop on Fridays"; "runs its course", "sleep it off".
    r"\b(?:should|usually|normally|generally|typically|soon)\s+(?:\w+\s+)?stops?\b|\bruns?\s+(?:its|their)\s+course\b|\blet\s+nature\s+take\s+its\s+course\b|"
    r"\bsleep\s+it\s+off\b|\blet\s+(?:him|her|them|it|your\s+\w+)\s+(?:sleep|rest|heal|settle|breathe|cool|air|dry\s+out)\b",
    re.IGNORECASE,
)
# A checklist's tick or a bullet opens an order as a sentence's start does: "✅ finish your tablets".
_BULLET = r"[\u2022\u25aa\u25cf\u2705\u2714\u2611\u2713\u27a1]\ufe0f?"
# An order: a clause opening with a word that takes an object ("Slather on the cream", "Cut out caffeine", "Keep
# him resting", "then have a sugary drink"). Without a dictionary of verbs, the word is judged by what it is not:
# a greeting, a pronoun or other function word, or one of the verbs a comms reply uses to send people somewhere.
ORDER = LazyPattern(
    r"(?:^|[.!?:;]\s+|\s[-–—]\s+|,\s+(?:then|and|so)\s+|\b(?:then|and)\s+|(?=\b(?:if|for|when|once|after|with)\s)|"
    r"\b(?:honestly|seriously|personally|basically|trust\s+me|tbh),\s+|"
    # ("Sorry, typo above! We meant take the alfuzosin at bedtime": an order corrected.)
    r"\b(?:we|I)\s+meant(?:\s+to\s+say)?,?\s+|"
    rf"{_BULLET}\s*)"
    # ("In the meantime, keep his nails short": an order while the reader waits.)
    r"(?:(?:in\s+the\s+mean\s?time|meanwhile|for\s+now|until\s+then|till\s+then),?\s+)?"
    # "If your sugar drops, have a drink", "For a splinter, soak it", "With diabetes, check your feet": the order
    # follows the condition.
    r"(?:(?:if|for|when|once|after|with)\s+[^.!?,\n]{1,80},\s+)?"
    r"(?:(?:just|gently|please|also|simply|"
    r"then)\s+)?([a-z]+)\s+(?:your|the|a|an|him|her|them|it|some|plenty|more|less|lots|loads|on|out|off|up|down|back|"
    r"skin|his|their|any|every)\b",
    re.IGNORECASE | re.MULTILINE,
)
# Words that cannot open an order: greetings, function words, and the people a reply talks about.
_FUNCTION_WORDS = """
sorry thanks thank hope hoping glad great lovely brilliant congratulations congrats welcome hi hello dear
apologies shame unfortunately yes no ok okay also so and but or if when as because once after before then
until while all both only even just here there this that these those what which who how why where it its
our your my their his her we you they he she i a an the some any every each most many more much not to in
on at for with by from of about over under into like new is are was were be been has had do does did can
could will would should may might must shall
staff patients nurses doctors volunteers visitors people everyone parents carers families teams worth
"""
_NOT_ORDER_WORDS = """
let lets call ring phone book join find read visit come see
check follow share tell email message contact sign register apply click download watch listen head pop
drop bring remember meet look send fill complete use go speak talk ask pick collect order request update
vote nominate support catch grab mark save note enjoy celebrate say raise wish happy merry well good best
day week month year since during despite through across around against per via near off out up down
explain clarify leave pass spread tag cheer accept forgive bear feel make want need know hear appreciate
understand agree apologise reply respond write post tweet retweet comment love miss plan pencil dm scan
print show help swap donate forward consider mind allow turn twice thrice blame delete report block
found got sent told gave took thought brought bought saw heard made kept felt
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
NOT_ORDERS = FUNCTION_WORDS | frozenset(_NOT_ORDER_WORDS.split())
# What someone else is to do or not do, told to the person who looks after them: "no need to keep her off school",
# "keep him home from nursery", "make sure she doesn't share towels". Advice unless its clause is about a service
# ("make sure she doesn't miss her asthma review", "keep him off school for his hospital appointment").
CARER_ORDER = LazyPattern(
    r"\b(?:keep|keeping|kept)\s+(?:him|her|them|your\s+\w+|(?:your\s+)?little\s+one)\s+(?:off|home\s+from|away\s+from|"
    r"out\s+of|at\s+home\s+from)\s+(?:work|school|nursery|college)\b|"
    r"\bmake\s+sure\s+(?:he|she|they|your\s+\w+)\s+(?:doesn't|don't|does\s+not|do\s+not|never|isn't|aren't)\b",
    re.IGNORECASE,
)
# An order with how often to do it ("Every 20 minutes look at something far away", "Every 4 hours, give another
# dose") is a regimen, whatever the verb: a function word, a plural or a past form there starts a statement
# ("Every 20 minutes the shuttle leaves", "Every 2 hours staff check...", "Every 10 minutes buses run").
REGIMEN = LazyPattern(
    r"(?:^|[.!?:;]\s+|\s[-–—]\s+)(?:every|each)\s+(?:\d+|few|couple\s+of)\s+(?:seconds|minutes|hours|days)\s*,?\s+"
    r"([a-z]+)\b",
    re.IGNORECASE | re.MULTILINE,
)
# A service's trouble, which eases, clears or settles as an illness does: "the supply issue ... should ease".
SERVICE_TROUBLE = LazyPattern(
    # (Not the body's: "blood pressure", "pressure sores".)
    r"\b(?:supply|supplies|shortages?|stock|disruption|strikes?|backlogs?|roadworks|traffic|outages?|demand|queues?|"
    r"(?<!blood\s)(?<!eye\s)pressures?(?!\s+(?:sores?|ulcers?|areas?|points?|stockings?|damage))|"
    r"delays)\b",
    re.IGNORECASE,
)
# What the writer would say to do: "We'd always say a lukewarm flannel" (not "we'd say the only cure is our bake sale":
# its clause names the service).
WE_SAY = LazyPattern(r"\b(?:we'd|we\s+would|I'd|I\s+would)\s+(?:always\s+|usually\s+|generally\s+)?say\b", re.I)
# A suggestion in the writer's voice: "Have you tried a saline rinse?", "If I were you I'd cut out dairy", "might be
# worth trying a heat pad". Advice unless its clause is about the service ("Have you thought about joining our
# patient panel?", "worth having a look at our website") or its verb sends people somewhere ("I'd book early").
SUGGESTION = LazyPattern(
    r"\bhave\s+you\s+(?:tried|thought\s+about|considered)\b|\bif\s+I\s+were\s+you(?:\s+I'd)?\b|"
    r"\b(?:I'd|I\s+would)\s+(?!(?:say|recommend|suggest|advise|love|like|be)\b)|"
    # (Any "-ing" verb after "worth": "might be worth writing down memories"; not one that sends people somewhere,
    # "worth booking early", read below.)
    # (Not a lead-in: "Worth noting: the clinic moves", "worth knowing that".)
    r"\bworth\s+a\s+(?:go|try|shot|punt)\b|\bworth\s+(?!(?:nothing|something|everything|anything|noting|knowing|mentioning|remembering|saying|asking|reading|"
    r"bearing|pointing|flagging|highlighting|adding|sharing|waiting)\b)[a-z]{2,}ing\b(?!\s+(?:there|here|in\s+touch|to)\b)",
    re.IGNORECASE,
)
# "Don't worry about the little lump": reassurance when what not to worry about is a complaint, in its own clause (not
# a bare "don't worry", nor "don't worry about the cost - prescriptions for diabetes medicines are free").
DONT_WORRY = LazyPattern(r"\b(?:don't|do\s+not|no\s+need\s+to)\s+(?:worry|stress|panic|fret)\s+about\b", re.IGNORECASE)
_NEXT_WORD = LazyPattern(r"\s*([a-z']+)", re.IGNORECASE)
# Service phrases that open like an order: "Take a look", "Get in touch", "Keep up to date", "Have your say".
_SERVICE_ORDER = LazyPattern(
    r"\s*(?:a\s+look|part|in\s+touch|up\s+to\s+date|your\s+say|a\s+read|(?:it|us|them)\s+a\s+(?:follow|like|share|"
    r"retweet|listen|watch)|us|the\s+(?:form|survey|link|date|word)|"
    r"(?:it|them|these|this|one)\s+with\s+you|"  # "Take them with you": bring them along
    r"an\s+eye\s+(?:out\s+)?(?:on|for)\s+(?:our|this|the\s+(?:website|page|app)|"
    r"your\s+(?:texts?|inbox|e-?mails?|post|letters?|phone|app|messages?))|a\s+(?:lovely|great|good|nice|happy|safe|wonderful)|"
    r"the\s+\w+\s+coming|your\s+(?:eyes\s+peeled|fingers\s+crossed))\b",
    re.I,
)
# An order about a service thing is a service instruction: "Forward the email to us", "Try the NHS App for a slot",
# "Put the next date in your diary".
SERVICE_THING = LazyPattern(
    r"\b(?:app|website|site|online|link|e-?mail|letter|form|survey|diary|date|slot|appointments?|booking|DM|message|"
    r"details|team|us|reception|queue|phone|call|post|page|feedback|complaint|event|session|ticket|review|clinic|"
    # (A time the service sets, not a turn: "asking for varenicline this time".)
    r"centre|parking|travel|(?<!\bthis\s)(?<!\bnext\s)(?<!\blast\s)(?<!\bfirst\s)(?<!\bsame\s)time|roadshows?|webinars?|workshops?|stalls?|fairs?|open\s+days?|drop-?ins?|talks?|names?|"
    r"balls?|galas?|fundraisers?|raffles?|quiz|bake\s+sales?|concerts?|discos?|(?:charity|sponsored|fun)\s+\w+|"
    # The service's own class or group: "Shake it out at our Zumba class" (not "Try a yoga class").
    r"our\s+(?:[\w-]+\s+){0,2}(?:class(?:es)?|courses?|groups?|caf[eé]s?|lounges?))\b",
    re.IGNORECASE,
)
# A body part as an order's object: "Check your feet every day", "Watch your back when you lift".
# (Not "Mind your feet on the wet floor", "raise your hand": a safety notice or a gesture.)
BODY_OBJECT = LazyPattern(
    r"(?<!mind)(?<!watch)(?<!raise)(?<!show)(?<!lend)\s+(?:your|his|her|their)\s+"
    rf"(?:{_BODY_ONLY}|feet|hands|legs|back|chest|breasts?|head(?!\s+(?:up|down|round|around|office|start)\b))\b"
    r"(?!\s+(?:peeled|crossed|open\s+for|on\s+the\s+(?:ball|prize)))",  # "Keep your eyes peeled": a figure
    re.IGNORECASE,
)
# An order that puts a body part somewhere: "Sleep with your wrist straight", "Lie on your left side".
BODY_PLACE_ORDER = LazyPattern(
    r"(?:^|[.!?:;]\s+|\s[-–—]\s+|,\s+(?:then|and|so)\s+|\b(?:then|and)\s+)(?:(?:just|gently|please|also|then)\s+)?"
    rf"([a-z]+)\s+(?:with|on|onto|under|over)\s+(?:your|his|her|their)\s+(?:{_BODY_ONLY}|feet|hands|legs|back|chest)\b",
    re.IGNORECASE | re.MULTILINE,
)
# (A clause ends too where another subject takes over after a comma: "Keep his dressings dry, and the council's team
# can help with supplies".)
_CLAUSE_END = LazyPattern(r"[.!?;:\n]|\s[-–—]\s|,\s+(?:and|but)\s+(?:the|our|your|a|an)\s", re.IGNORECASE)


_CLAUSE_MAX = 300  # characters: no clause an order or a suggestion governs runs longer, and none is read again whole


def _clause_end(text: str, start: int) -> int:
    end = min(len(text), start + _CLAUSE_MAX)
    found = _CLAUSE_END.search(text, start, end)
    return found.start() if found else end


# ("In the meantime drink plenty", "Meanwhile, rest": an order while the reader waits.)
_IMPERATIVE_LEAD = LazyPattern(
    r"(?:^|[.!?:;]|\s[-–—]|\b(?:and|then|just|gently|simply|also|please)|\b(?:meantime|meanwhile),?|"
    rf"{_BULLET})\s*$",
    re.I | re.M,
)
_COMMA_LEAD = LazyPattern(r",\s*$")
_CONDITION_OPENS = LazyPattern(
    r"(?:^|[.!?]\s+)(?:if|when|whenever|once|while|for)\b[^.!?\n]*$", re.IGNORECASE | re.MULTILINE
)
# Permission to take a medicine: "you can take your usual blood pressure tablets on the morning of your appointment"
# (not what is carried: "you can take your old tablets back to the pharmacy").
MEDICINE_PERMISSION = LazyPattern(
    r"\byou\s+(?:can|may|could|should)\s+(?:still\s+|safely\s+|just\s+)?(?:take|keep\s+taking|carry\s+on\s+taking|"
    # ("You can give her the children's liquid paracetamol": a medicine given to someone.)
    # ("you can stop the Healthy Start women's vitamins once you finish breastfeeding": leave to stop one.)
    r"continue\s+(?:to\s+take|taking)|use|give\s+(?:him|her|them|your\s+\w+)|stop(?:\s+taking)?|come\s+off)\s+"
    r"(?:your\s+|the\s+)?"
    r"(?:usual\s+|normal\s+|regular\s+|morning\s+|evening\s+)?"
    rf"(?:[\w'-]+\s+){{0,3}}?(?:{_MEDICINES})\b|"
    # ... or an order to leave one off: "so leave your hair vitamins off for two days before the test".
    r"\b(?:leave|keep)\s+(?:your|the|his|her|their)\s+(?:[\w'-]+\s+){0,3}?"
    rf"(?:{_MEDICINES})\s+off\b|"
    # ... or leave to go on taking it: "You don't need to stop any of your usual medicines before doing the kit".
    r"\b(?:you|he|she|they)\s+(?:don't|do\s+not|doesn't|does\s+not|won't)\s+(?:need|have)\s+to\s+(?:stop|pause)\s+"
    r"(?:taking\s+)?(?:any\s+of\s+)?(?:your|his|her|their|the)\s+(?:usual\s+|normal\s+|regular\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?(?:{_MEDICINES})\b|"
    # ... or to leave the complaint untreated: "so you don't need to bring it down unless she's distressed".
    r"\b(?:you|he|she|they)\s+(?:don't|do\s+not|doesn't|does\s+not|won't)\s+need\s+to\s+(?:bring\s+(?:it|them|the\s+\w+)\s+"
    r"down|treat\s+(?:it|them)|do\s+anything\s+(?:about|for)\s+(?:it|them))\b|"
    # ... or half of it taken: "so for now just take half your usual amlodipine to make the box last".
    r"\b(?:take|give|have|use)\s+half\s+(?:of\s+)?(?:your|his|her|their|the)\s+(?:usual\s+|normal\s+|regular\s+)?"
    rf"(?:[\w'-]+\s+)?(?:dose|{_MEDICINES}|{_DRUG_NAME})\b|"
    # ... or a medicine corrected: "We meant ibuprofen gel, not tablets, for the first 48 hours".
    rf"\b(?:we|I)\s+meant\s+(?:the\s+|your\s+)?(?:[\w'-]+\s+){{0,2}}?(?:{_MEDICINES}|{_DRUG_NAME})\b|"
    # ... or a vaccine said to be safe with a condition: "The flu vaccine is fine with an egg allergy".
    r"\b(?:vaccines?|jabs?|vaccinations?)\s+(?:is|are|'s)\s+(?:perfectly\s+|completely\s+)?(?:fine|safe|ok|okay)\s+"
    r"(?:with|for\s+(?:people|anyone|someone|those)\s+with|if\s+you\s+have)\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:allerg\w*|asthma|"
    r"condition|illness)",
    re.IGNORECASE,
)
# (Not a purpose: "take half your usual amlodipine to make the box last".)
_CARRIED = LazyPattern(
    r"\s+(?:back|to(?!\s+(?:make|help|stretch|keep)\b)|into|in\s+to|along|with\s+you|out\s+of)\b", re.IGNORECASE
)
SIGNPOSTING = LazyPattern(
    # (111 and 999 in words too: "phone one-one-one tonight".)
    r"(?:\bGPs?\b|\bdoctors?\b(?!\s+of\s+the\s+world\b)|\bone[\s-]one[\s-]one\b|\bnine[\s-]nine[\s-]nine\b|\bpharmac(?:y|ies|ist|ists)\b|\bchemists?\b|\b111\b|\b999\b|\bA\s?&\s?E\b|"
    r"\bA and E\b|\bG\.\s?P\.|\burgent treatment cent(?:re|er)s?\b|\bemergency department\b|\bmidwi(?:fe|ves)\b|"
    r"\bhealth visitors?\b|\bpractice nurses?\b|\bdentists?\b|\bopticians?\b|\boptometrists?\b|"
    r"\b(?:health(?:\s?care)?|medical) professionals?\b|\bnhs\.uk\b|\bSamaritans\b|\bPapyrus\b|\bHOPELINE\s?247\b|"
    # Shout, the crisis text line the NHS lists beside Samaritans: "text SHOUT to 85258".
    r"\b85258\b|\btext\s+(?-i:SHOUT)\b|"
    # 999 in lay words: "ring for an ambulance straight away", "needs an ambulance", "get her an ambulance".
    r"\b(?:call|ring|phone|get|needs?)\s+(?:(?:her|him|them|me|us|you)\s+)?(?:for\s+)?an\s+ambulance\b|"
    # Urgent care by its other names, and pharmacies and opticians by their chains' names: "the walk-in centre", "the
    # minor eye conditions service at any Specsavers", "the folks at Boots" (Boots as a place, not "walking boots").
    r"\bwalk-?in\s+(?:cent(?:re|er)s?|clinics?)\b|\bminor\s+injur(?:y|ies)\s+units?\b|\bMIU\b|\beye\s+casualty\b|"
    r"\bminor\s+eye\s+conditions?\s+service\b|\b(?:Specsavers|Vision\s+Express|Superdrug)\b|"
    r"(?:(?<=\bat\s)|(?<=\bfrom\s)|(?<=\bto\s)|(?<=\bin\s))(?-i:Boots)\b|"
    r"\b(?:your|the|a|our|local)\s+(?:local\s+)?(?:GP\s+)?surgery\b|"  # not "after surgery"
    # The reader's GP practice ("give your practice a ring"; not "best practice", "the practice of ..."), and the GP
    # out-of-hours service ("the out-of-hours number on your discharge letter").
    r"\b(?:your|their|his|her|the)\s+(?:local\s+|own\s+)?(?:GP\s+)?practice\b(?!\s+(?:of|manager|managers)\b)|"
    r"\bout[- ]of[- ]hours\s+(?:number|service|GP|doctors?|line)\b|"
    # The reader's own clinicians, health professionals too: "your diabetes team", "your asthma nurse", "your heart
    # failure nurse", "your stoma care team", "your consultant" (not "our diabetes team", the service's own, nor "the
    # team").
    r"\b(?:your|their|his|her|the)\s+(?:own\s+)?(?:diabetes|diabetic|asthma|respiratory|COPD|heart|cardiac|cancer|"
    r"oncology|renal|kidney|stoma(?:\s+care)?|epilepsy|stroke|memory|mental\s+health|crisis|maternity|district|"
    r"community|specialist|transplant|dementia|continence|IBD|palliative|hospice|physio(?:therapy)?|MS|Parkinson's|"
    r"tissue\s+viability|fertility|antenatal|neonatal|paediatric|children's|care|dermatology|skin|eczema|allergy|ENT|"
    r"eye|orthopaedic|rheumatology|gastro|urology|gynae(?:cology)?|endocrine|pain|sexual\s+health|travel|liver|"
    r"neurology|breast|lung|bowel|wound(?:\s+care)?|podiatry|foot\s+care|menopause|eating\s+disorders?|glaucoma|"
    r"cataract|ophthalmology|retina|macular|audiology|hearing|haematology|sickle\s+cell|haemophilia|lymphoedema|"
    r"hepatology|HIV|TB|colorectal|vascular|spinal|fracture|thyroid|hepatitis|learning\s+disabilit(?:y|ies)|"
    r"perinatal|midwifery|health\s+visiting)\s+(?:[\w'-]+\s+){0,2}?(?:team|nurses?)\b|"
    # ("give your MSK team a ring"; not "Physio here from the MSK team", a clinician introducing themself.)
    r"\b(?:your|their|his|her)\s+(?:own\s+)?(?:MSK|musculoskeletal|sleep|hyperemesis)\s+(?:team|nurses?)\b|"
    # ... a therapist of the reader's by their field ("Your hand therapist may fit you with a splint"), and a physio
    # who will be in touch ("A physio will ring you within two weeks").
    r"\b(?:your|their|his|her)\s+(?:own\s+)?(?:hand|occupational|speech(?:\s+and\s+language)?)\s+therapist\b|"
    # ... or one who will do something with the reader: "your therapist can go through it with you".
    r"\b(?:your|their|his|her)\s+(?:own\s+)?(?:therapist|practitioner|counsellor|psychologist)\s+(?:can|will|could)\s+"
    r"(?:go\s+through|talk\s+(?:it\s+)?through|help|look\s+at|adjust|review|discuss|advise)\b|"
    r"\b(?:a|the|your)\s+physio(?:therapist)?\s+will\s+(?:ring|call|phone|contact|see)\s+(?:you|him|her|them)\b|"
    r"\b(?:your|their|his|her)\s+(?:own\s+)?(?:consultant|specialist\s+nurse|nurse\s+specialist|clinical\s+team|orthoptist|"
    r"audiologist|dietitian|podiatrist|chiropodist|"
    r"care\s+co-?ordinator|CPN|community\s+psychiatric\s+nurse|psychiatrist)\b|"
    # ... the physio too, where the reader is sent to them: "mention it to your physio" (not "your physio exercises",
    # "the exercises your physio gave you").
    # (And a therapist or practitioner: "Do tell your practitioner at your next session".)
    r"\b(?:to|ask|see|tell|with|contact|call|ring)\s+(?:your|their|his|her)\s+(?:own\s+)?(?:physio(?:therapist)?|"
    r"therapist|practitioner|counsellor|psychologist|key\s?worker)\b"
    r"(?!\s+(?:exercises?|referral|appointments?|sessions?|team|gave|showed|said|told))(?!-))",
    re.IGNORECASE,
)


_UNTIL_IT_SAYS = LazyPattern(
    r"(?:\s+or\s+(?:your\s+)?[\w ]{1,20}?)?\s+(?:says|tells\s+(?:you|u)|agrees|is\s+happy|"
    r"gives\s+(?:you\s+)?the\s+(?:go-ahead|all-clear|OK))\b",
    re.IGNORECASE,
)
_REGISTERED = LazyPattern(r"\bregistered\s+with\s+(?:a|an|any|your|their|the)\s+(?:NHS\s+)?$", re.IGNORECASE)
# The writer saying what they are not: "We're not doctors, but...", "I'm not a pharmacist, but".
_DISCLAIMER = LazyPattern(
    r"\b(?:we\s+aren't|we're\s+not|we\s+are\s+not|I'm\s+not|I\s+am\s+not)\s+(?:(?:a|an)\s+)?$", re.IGNORECASE
)


# A service named only in an apology or a report of what happened is not pointed to: "Sorry you couldn't get a GP
# appointment! In the meantime, honey and lemon...", "The doctor was right that it's viral". Its sentence points
# to it when it also says what to do or what the service can do ("call 111", "a pharmacist can advise", "if you're
# worried").
SERVICE_REPORT = LazyPattern(
    # (And a disclaimer: "We're not doctors, but...".)
    r"\bnot\s+(?:a\s+)?(?:doctors?|GPs?|nurses?|pharmacists?|clinicians?|medical\s+professionals?|dentists?|opticians?|"
    r"midwi(?:fe|ves)|physios?)\b|"
    # (And a service that would not help, as the reply tells it: "a&e wont do anything for a broken toe".)
    # (And gladness at what it did: "so glad the 999 crew got to your mum", "Glad 111 got back to you".)
    r"\b(?:(?:glad|pleased|relieved)\s+(?:that\s+)?(?!to\b)|"
    # (And where the reader went, and why: "Your GP was fully booked, so you went to A&E".)
    r"(?:was|were)\s+(?:fully\s+booked|booked\s+up)|(?:you|he|she|they)\s+(?:went|had\s+to\s+go|ended\s+up(?:\s+going)?)\s+"
    r"(?:to|in|at)\b|"
    # (And a complaint about its staff passed on: "We've passed your comments about the GP receptionist to the
    # practice manager"; and its advice praised: "Sounds like 111 gave you good advice there".)
    r"(?:passed|shared|fed|raised|forwarded)\s+(?:\w+\s+){0,3}?(?:comments|feedback|complaint|concerns?)\b|"
    # ("Your comments have gone to the pharmacy contracts team".)
    r"(?:comments|feedback|complaint|concerns?)\s+(?:have|has)\s+(?:now\s+)?(?:gone|been\s+(?:passed|sent|forwarded))\s+to\b|"
    # (And thanks for praise of it: "Thank you for the lovely message about the community nurses who visited your dad".)
    r"(?:message|words|feedback|comments|review|card|note)\s+about\b|\bwho\s+(?:visited|saw|treated|looked\s+after|"
    r"cared\s+for|came\s+to|helped)\b|"
    # (And what the writer has asked of it: "We've asked the practice to send a new invite".)
    # ("We've asked the community team to call you", "We've spoken to the practice and ...".)
    r"(?:we've|we\s+have|we)\s+(?:(?:asked|told|let)\s+(?=(?:\w+\s+){1,3}(?:to|know)\b)|(?:contacted|emailed|e-mailed|"
    r"written\s+to|spoken\s+to|been\s+in\s+touch\s+with|chased)\s)|"
    # (And a thing sent on to it: "the prescription has gone to your nominated pharmacy", "your practice has the
    # request now".)
    r"(?:has|have)\s+(?:now\s+)?(?:gone|been\s+sent|been\s+passed)\s+(?:through\s+|over\s+)?to\b|"
    r"(?:has|have)\s+(?:now\s+)?(?:got\s+)?(?:the|your|his|her|their)\s+(?:[\w-]+\s+)?(?:request|referral|form|letter|"
    r"message|paperwork)\s+now\b|"
    # (And a wait told: "Thanks for telling us about your long wait on 111 last night".)
    r"(?:telling|told)\s+us\s+about|(?:is|are)\s+(?:next\s+)?due\s+to\s+(?:visit|come|call|pop\s+in)\b|(?:your|the|his|her|their)\s+(?:\w+\s+)?wait\s+(?:on|for|at|in|with)\b|"
    r"(?:good|great|sound|sensible|helpful|the\s+right|conflicting|the\s+wrong|mixed|different)\s+advice\b|"
    # (And its crowds: "A&E at Broomfield was very busy last night, so for a sprained ankle rest it".)
    r"(?:was|were|is|are|'s)\s+(?:very\s+|really\s+|so\s+|extremely\s+|incredibly\s+)?(?:busy|full|rammed|packed|heaving|"
    r"overwhelmed|under\s+pressure)\b|"
    r"sorry|apolog\w+|we\s+know|couldn'?t|could\s+not|can'?t\s+get|wasn'?t|weren'?t|was\s+(?:closed|shut|right|wrong)|(?:'s|is)\s+(?:quite\s+|absolutely\s+|so\s+)?(?:right|spot\s+on)\b|"
    r"won'?t\s+(?:do|give|see|treat)\s+(?:anything|much|you|u|a\s+lot)|(?:won'?t|wouldn'?t|isn'?t|aren'?t)\s+(?:be\s+)?able\s+to|"
    r"(?:won'?t|can'?t|cannot|(?:might|may|will|do|does)\s+not)\s+prescribe|(?:had|got)\s+it\s+wrong|"
    # ("GP practices here aren't prescribing tirzepatide for weight loss yet".)
    r"(?:aren'?t|isn'?t|are\s+not|is\s+not)\s+(?:yet\s+|currently\s+)?(?:prescribing|offering|providing)|"
    r"were\s+(?:closed|shut)|(?:had|has)\s+(?:run|sold)\s+out|ran\s+out|didn'?t|did\s+not|said|says|told|"
    r"(?:gave|prescribed)\s+(?:you|u|him|her|them)|"  # ("Finish the antibiotics your GP gave you")
    # ("That site isn't a registered pharmacy": what a thing is not.)
    r"(?:isn'?t|is\s+not|wasn'?t|was\s+not|aren'?t|are\s+not)\s+(?:an?\s+)?(?:registered|real|genuine|proper|licensed|legitimate)|"
    # ("The pharmacy shouldn't have sold you those pills", "The paramedics who came when you called 999 were great".)
    r"shouldn'?t\s+have|should\s+not\s+have|when\s+(?:you|he|she|they|we|I)\s+(?:called|rang|phoned|dialled|visited))\b|"
    # (And how busy or shut the service is now, as news: "sleep it off - A&E's full tonight"; or whether it is on
    # strike: "GPs aren't on strike. For the rash, an antihistamine cream should settle it".)
    # ("Our GP practices are really busy this winter", too.)
    r"(?:'s|\s+is|\s+are|\s+will\s+be|'ll\s+be)\s+(?:\w+\s+)?(?:full|rammed|heaving|packed|mobbed|overflowing|closed|shut|busy|stretched|"
    r"under\s+(?:pressure|strain))\b|"
    # (And what it no longer offers: "Most GP practices ... stopped offering ear syringing a few years ago".)
    r"\b(?:stopped|stop|stops)\s+(?:offering|doing|providing)\b|\bno\s+longer\s+(?:offers?|does|do|provides?)\b|"
    r"\bon\s+strike\b|\bstriking\b|"
    # ("The walk-in centre is running a reduced service while the strike is on".)
    r"\b(?:running|offering|on)\s+(?:a\s+)?(?:reduced|limited|skeleton|emergency-only)\s+(?:service|hours|staff)\b|"
    # (And when it is not open: "The pharmacy at Stansted won't be open at 4am, so just take two paracetamol".)
    r"(?:won'?t|will\s+not|isn'?t|is\s+not|aren'?t|are\s+not|wouldn'?t)\s+(?:be\s+)?open\b|"
    # (And what a scheme doesn't cover: "Pharmacy First doesn't cover migraines, unfortunately", "Heartburn isn't one of
    # the seven Pharmacy First conditions".)
    r"(?:doesn'?t|does\s+not|don'?t|do\s+not|won'?t)\s+cover\b|(?:isn'?t|is\s+not|aren'?t|are\s+not)\s+one\s+of\s+the\b",
    re.IGNORECASE,
)
DIRECTING = LazyPattern(
    # (Not "your dentist couldn't see you": a negated verb is part of the report.)
    # (Not the illness that goes: "it'll go on its own", "should go away".)
    # (Nor what a service was too busy to do: "your GP was too busy to visit".)
    # (Nor "see how it goes", "wait and see", "that's still good advice", "111 were able to talk it through with your
    # dad", "waiting for a call back", "your 111 call took so long": no one is seen, called or talked to, no service's
    # advice asked.)
    # (Nor what the writer will do: "we'll check when the community nurse is due to visit".)
    r"\b(?<!n't\s)(?<!\bnot\s)(?<!\bbusy\sto\s)(?<!\bwe'll\s)(?<!\bwe\swill\s)(?<!\bI'll\s)(?:(?<!\ba\s)(?<!\b111\s)(?<!\b999\s)(?<!\byour\s)(?<!\bthe\s)call(?!\s*-?\s*backs?\b)|ring|phone(?!\s+(?:lines?|system)\b)|contact|speak|talk(?!\s+(?:it|things|this|that)\s+through)|ask|(?<!\bwait\sand\s)see(?!\s+(?:how|if|whether)\b)|(?<!\bdue\sto\s)visit|"
    r"go(?!\s+(?:on\s+(?:its|it's|their)\s+own|away|by\s+itself|down|off)\b)|head|pop(?!\s+(?:your|ur|his|her|their|it|them|the\s+\w+)\s+(?:\w+\s+){0,2}?(?:below|here|in\s+the))"
    # (Nor a thing put on: "pop some hydrocortisone cream on it".)
    r"(?!\s+(?:some|a\s+(?:bit|little|dab|blob|thin|cold|warm|plaster)|an\s+ice|on)\b)|book|(?<!\ba\s)try|"
    # (Not the reader's own medicine: "Use your blue one whenever you need it".)
    r"use(?!\s+(?:your|his|her|their)\s+(?:[\w-]+\s+)?(?:inhalers?|one|cream|spray|drops|tablets?|pump|spacer|gel|patch)\b)|"
    # (Nor a check as a noun: "a GP appointment for your blood pressure check".)
    r"(?<!\byour\s)(?<!\bthe\s)(?<!\ba\s)(?<!\bpressure\s)(?<!\bhealth\s)(?<!\bannual\s)check|"
    r"get\s+in\s+touch|get\s+(?:it|them|this|that|him|her)\s+(?:looked\s+at|checked|seen)|"
    r"(?:can|will|could|may)\s+(?:\w+\s+)?(?:help|advise|assess|check|prescribe|suggest|look|give|treat|see|book|"
    r"recommend|tell\s+(?:you|u)|show\s+(?:you|u)|explain)|if\s+(?:you|u|it|things|symptoms|he|she|they|your)\b|urgent|"
    # (Not advice told of: "gave you good advice", "the right advice", "conflicting advice".)
    r"(?<!\bgood\s)(?<!\bsound\s)(?<!\bgreat\s)(?<!\bsensible\s)(?<!\bright\s)(?<!\bconflicting\s)(?<!\bwrong\s)"
    r"(?<!\bmixed\s)(?<!\bdifferent\s)advice|worried|(?<!n't\sbe\s)(?<!\bnot\sbe\s)open|available)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = LazyPattern(r"[.!?](?=\s)|\n")
# ... which the next sentence may send the reader back to: "... ring them back", "call them again".
_BACK_TO_THEM = LazyPattern(
    r"[^.!?\n]*?\b(?<!n't\s)(?<!\bnot\s)(?:call|ring|phone|contact|see|visit|go\s+back\s+to)\s+(?:them|him|her)\b",
    re.IGNORECASE,
)
# Where a report's consequence begins: "The pharmacy on the High Street is shut on Boxing Day, so for now just carry on
# with your usual tablets".
_SO = LazyPattern(r",?\s+so\s+(?!(?:much|many|far|long|sorry|glad)\b)", re.IGNORECASE)
# A service the reply says cannot help: "theres nothing the doctors can give", "not much a GP can do for a cold".
_NOTHING_THEY_CAN = LazyPattern(
    r"\b(?:nothing|not\s+much|not\s+a\s+lot|little)\s+(?:that\s+)?(?:(?:the|a|an|your|any)\s+)?(?:[\w&-]+\s+)?"
    r"(?:can|will|could|would)\s+(?:do|give|prescribe|offer)\b",
    re.IGNORECASE,
)
# A service the reply says the reader need not go to: "no need to sit in A&E for hours for that", "you don't need to
# bother your GP with it", "no point going to the walk-in centre".
_OR_ONE_MORE = r"or\s+(?:[\w'&]+\s+){0,3}"  # a second service named after the first, waived with it
_NOT_NEEDED = LazyPattern(
    r"\b(?:no\s+need\s+(?:to|for)|(?:don'?t|do\s+not|doesn'?t|won'?t|shouldn'?t)\s+need(?:\s+to)?|no\s+point(?:\s+in)?|"
    # ("Please don't come to A&E with a tummy bug".)
    r"(?:don'?t|do\s+not)\s+(?:come|go|turn\s+up|rush)|"
    r"not\s+worth|(?:don'?t|do\s+not|no\s+need\s+to)\s+bother|"
    # ("You were right not to call 999".)
    r"(?:right|sensible|wise|fine|ok|okay)\s+not\s+to|before\s+(?:you\s+)?(?:bother|trouble))\s+(?:[\w'&]+\s+){0,5}"
    # (Two services waived together: "There's no need to see a GP or call 111 for bronchiolitis".)
    rf"(?:{_OR_ONE_MORE})?$",
    re.IGNORECASE,
)
# ... or said not to be the matter's, right before it ("This isn't a 999 emergency, so rest..."; not "not a substitute
# for seeing your GP"), or that the reader may go round ("you can refer yourself without seeing your GP"; not "don't
# stop it without seeing your GP").
_NOT_THE_WAY = LazyPattern(
    r"\b(?:isn'?t|is\s+not|it's\s+not|(?:doesn'?t|does\s+not)\s+(?:sound|seem|look)\s+like)\s+an?\s+$|"
    # ("it's not one for A&E".)
    r"\b(?:isn'?t|is\s+not|it's\s+not|not)\s+(?:one|a\s+job|a\s+case|something)\s+for\s+(?:the\s+)?$|\b(?:can|could|may)\s+(?:[\w']+\s+){0,6}without\s+(?:seeing|going\s+to|"
    r"visiting|calling|needing|a\s+referral\s+from)\s+(?:(?:a|an|the|your|their)\s+)?$",
    re.IGNORECASE,
)
# ... or said to be for emergencies, which the reader's matter is not: "A&E is for life-threatening emergencies, so
# please don't wait there for a sprain".
_FOR_EMERGENCIES = LazyPattern(
    r"\s+(?:is|are)\s+(?:only\s+|just\s+|really\s+)?(?:for|meant\s+for|there\s+for)\s+(?:[\w-]+\s+){0,2}?emergenc(?:y|ies)\b",
    re.IGNORECASE,
)
# ... which the sentence may yet send the reader back to, before a dash, a colon or a semicolon ends its clause: "but
# if it gets worse, give them a call", "unless it lasts more than three weeks".
_DASH_CLAUSE = LazyPattern(r"\s[-–—]\s|[;:]")
# A second service waived with the first: "There's no need to see a GP or call 111 for bronchiolitis".
_OR_ANOTHER = LazyPattern(rf"\s+{_OR_ONE_MORE}", re.IGNORECASE)
_SENT_BACK = LazyPattern(
    r"\b(?<!n't\s)(?<!\bnot\s)(?:call|ring|phone|contact|speak|talk|see(?!\s+(?:\w+\s+){0,2}?through\b)|visit|(?<!\bto\s)book|"
    r"get\s+in\s+touch|go\s+(?:back|to|and)|"
    # (Not the waiver's own condition: "No need to call 111 for a small chip if it isn't hurting".)
    r"come\s+(?:back|in)|unless|if\s+(?:it|things|symptoms?|they|he|she|the\s+\w+)\s+(?:\w+\s+){0,2}?(?:worse|persists?|"
    r"lasts?|carr(?:y|ies)\s+on|(?:doesn't|don't|hasn't|haven't|isn't|aren't)(?!\s+(?:hurting|bothering|painful|sore|"
    r"a\s+problem|an\s+issue|serious))|still))\b",
    re.IGNORECASE,
)
# A service named as the occasion of the complaint ("gums bleeding after the dentist's clean") is no more pointed to
# than one named in an apology.
# (Nor one a remedy is compared with: "Reading glasses from the supermarket are just as good as the optician's ones".)
# (Nor one only where a journey goes: "Suck a mint on the way to your GP appointment".)
_OCCASION = LazyPattern(
    r"\b(?:(?:after|since|following)\s+(?:the|your|a|an|his|her|their|my)|at\s+the|(?:as\s+good\s+as|better\s+than|"
    r"cheaper\s+than|same\s+as)\s+(?:the|your|a|any)|"
    r"(?:on|during)\s+(?:the|your|his|her|their|my|a|an|that)\s+(?:[\w-]+\s+){0,2}?(?:way|journey|crossing|drive|trip|"
    r"ride|flight|ferry|boat|bus|train|coach|taxi|car|walk|travel|sailing|commute)\s+"
    r"(?:(?:there|over|across|back|in|up|down|home|out)\s+)?(?:to|from)\s+(?:the|your|a|an|his|her|their|my))"
    r"\s+(?:local\s+)?$",
    re.IGNORECASE,
)


# ... nor one whose appointment or stock is what the advice lasts until: "should take the edge off tonight until your
# GP appointment next week" (booked already; not "until you see your GP", which sends the reader there).
_UNTIL = LazyPattern(
    r"\b(?:until|till|til|before|ahead\s+of|wait(?:ing)?\s+for)\s+(?:(?:the|your|his|her|their)\s+)?$", re.IGNORECASE
)
_BOOKED = LazyPattern(
    r"\s+(?:appointments?|appts?|visits?|reviews?|check-?ups?)\b|"
    # ... or its opening only waited for: "should take the edge off the swelling until the practice opens on Monday",
    # "While you wait for the surgery to reopen on the 29th: ...".
    r"\s+(?:opens|reopens|to\s+(?:re-?)?open)\b|"
    # ... or what a shop's stock does: "every other day till the pharmacy's restocked".
    r"(?:'s|\s+is|\s+has)\s+(?:been\s+)?(?:restocked|back\s+in\s+stock|got\s+(?:it|them|more)\s+in)\b|\s+(?:restocks|gets\s+(?:it|them|more)\s+in)\b",
    re.IGNORECASE,
)


# A service named only in a comparison the remedy wins sends no one: "a brisk walk does more for it than any tablet the
# doctor will give you", "better than anything your GP prescribes" (not "nothing works better than what your GP
# prescribes", _NONE_BEATS, nor "if it's no better than yesterday see your GP": a sending verb between).
_REMEDY_WINS = LazyPattern(
    r"\b(?:(?:(?:do|does|did|doing|work|works|worked|working)\s+(?:far\s+|much\s+|way\s+|a\s+lot\s+|"
    r"loads\s+|so\s+much\s+)?(?:more(?:\s+good)?|better)|better|cheaper|quicker|faster|stronger|safer|gentler|"
    r"more\s+effective)(?:\s+(?:for|on|with)(?:\s+[\w']+){1,3}?)?\s+than|as\s+(?:good|effective|well)\s+as)\s+"
    r"(?:any|anything|whatever|what|all|the|your|a|an|those|most|half)"
    r"(?:\s+(?!(?:see|call|ring|ask|contact|speak|talk|visit|book|get|go|phone|if|when|and|but|or|so)\b)[\w'-]+){0,4}?"
    r"\s+$",
    re.IGNORECASE,
)
# ... where the service wins: "No home remedy works better than the inhaler your asthma nurse gave you".
_NONE_BEATS = LazyPattern(r"\b(?:no|nothing|none|nowt)\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)
# ... whose offer after it ("the doctor will give you", "your GP prescribes") directs no one either.
_THEIR_OFFER = LazyPattern(
    r"(?:'s)?(?:\s+(?:will|can|could|would|might|may|ever|is\s+going\s+to|are\s+going\s+to|gonna)){0,2}\s+"
    r"(?:give|gives|gave|prescribe|prescribes|prescribed|hand|hands|handed|offer|offers|offered|sell|sells|sold|"
    r"recommend|recommends|recommended|suggest|suggests|suggested|push|pushes|dish|dishes|put)\b"
    r"(?:\s+(?:out|you|u|them|him|her|me|us|on)){0,2}",
    re.IGNORECASE,
)


# Nor is a service named as where figures or news come from: "Our GP data shows drink-related liver disease is
# rising", "We covered it in our GP newsletter last month".
_FIGURES_FROM = LazyPattern(
    r"\s+(?:data|figures|statistics|stats|surveys?|returns|newsletters?|bulletins?|blogs?|podcasts?|magazines?)\b",
    re.IGNORECASE,
)
# ... or what its letter says: "Your GP's letter says the fracture clinic will call you".
_ITS_LETTER = LazyPattern(
    r"(?:'s)?\s+(?:letter|note|notes|records?|text|message|report|referral|leaflet|booklet|sheet)\s+(?:says|said|shows?|showed|"
    r"mentions?|mentioned|explains?)\b",
    re.IGNORECASE,
)
# Nor one whose word the reply overrules: "Your GP might say otherwise, but ...", "your GP told you to 'ring 111 if it
# gets worse', but honestly ...".
_SAYS_OTHERWISE = LazyPattern(
    r"\s+(?:might|may|would|could|will|can)\s+(?:well\s+)?(?:say|tell\s+you|think)\s+otherwise\b", re.IGNORECASE
)
# ... also unquoted, after "We know": "We know your GP said to ring back if it got worse, but honestly, ...".
_WE_KNOW = LazyPattern(
    r"\b(?:we|I)\s+(?:know|understand|appreciate|realise|realize|hear)\s+(?:that\s+)?(?:your|the|their|his|her)\s+$",
    re.IGNORECASE,
)
_SAID_BUT = LazyPattern(
    r"(?:'s)?\s+(?:said|told\s+(?:you|u|him|her|them)|advised|suggested)\b[^.!?\n]{0,100}?,\s+but\b", re.IGNORECASE
)
_OVERRULED_QUOTE = LazyPattern(r"[\"“][^\"“”\n]{1,120}[\"”]\s*,?\s+but\b", re.IGNORECASE)
# Nor one named for its work, as news: "Our ambulance colleagues answer 999 calls", "hospital at home helps keep people
# out of A&E".
_ANSWERED = LazyPattern(
    r"\b(?:answer|answers|answered|answering|handle|handles|handled|handling|take|takes|took|taking)\s+"
    r"(?:[\d,]+\s+|thousands\s+of\s+|hundreds\s+of\s+)?$",
    re.IGNORECASE,
)
_CALLS = LazyPattern(r"\s+calls\b", re.IGNORECASE)
_KEPT_OUT_OF = LazyPattern(
    r"\b(?:keeps?|keeping|kept|stays?|staying|stayed)\s+(?:[\w']+\s+){0,2}?out\s+of\s+(?:the\s+|our\s+)?$",
    re.IGNORECASE,
)
# A professional introducing themself is not pointed to: "Pharmacist here (off duty!) - ...", "As a GP, I'd say..."
# (not "such as a pharmacist", "your pharmacist here in Otley").
_SELF_INTRO_AFTER = LazyPattern(r"\s+here\b(?!\s+(?:at|in|on|can|will|to)\b)", re.IGNORECASE)
# A service's word the reply takes on as its own, its clause ended by a comma: "Like your GP said, keep it dry ..." (the
# reader is sent nowhere, unless the sentence then sends them back: "As your GP said, if it gets worse, see them").
_AS_IT_SAID_BEFORE = LazyPattern(r"\b(?:just\s+)?(?:like|as)\s+(?:your|ur|the)\s+$", re.IGNORECASE)
_AS_IT_SAID_AFTER = LazyPattern(
    r"(?:'s)?\s+(?:(?:already|rightly)\s+)?(?:said|says|told\s+you|advised|suggested|mentioned|recommended)\s*,",
    re.IGNORECASE,
)
_ENDORSED = LazyPattern(
    r"\s+(?:told|advised|said\s+to)\s+(?:you|u)\b[^.!?\n]{0,80}?\b(?:that's|that\s+is|which\s+is|it's)\s+(?:still\s+)?"
    r"(?:good|great|sound|the\s+right|right)\s+advice\b",
    re.IGNORECASE,
)
# ... or found right, its word then given as the reply's own: "Your pharmacist was spot on - loose cotton underwear
# should stop it coming back" (unless the reply then sends the reader back: "Your GP was right; if it's no better, see
# them").
_FOUND_RIGHT = LazyPattern(
    r"\s+(?:was|were|is|are)\s+(?:(?:absolutely|quite|totally|completely|dead|100%)\s+)?(?:spot\s+on|bang\s+on|right|"
    r"correct)\b(?!\s+(?:to|there|here|next|by|beside|near|opposite|outside|inside|behind|round|around)\b)",
    re.IGNORECASE,
)
_SELF_INTRO_BEFORE = LazyPattern(
    r"(?:(?<!such\s)\bas\s+an?|\bI'm\s+an?|\bI\s+am\s+an?|\bI\s+was\s+an?|\bretired|\boff-duty|"
    # ("I'm one of the children's nurses on the team")
    r"\bI'm\s+one\s+of|\bI\s+am\s+one\s+of)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


# A pharmacy that only qualifies a remedy the reply itself recommends is not pointed to: "try a sachet from the
# chemist", "a cream from any pharmacy helps". Sending the reader there is: "buy it from your local pharmacy", "pick
# them up at the chemist", "available from any pharmacy", "advice from your pharmacist", "ask at any pharmacy".
_BOUGHT_FROM = LazyPattern(
    r"\b(?!(?:advice|help|support|guidance|chat|check|check-up|checkup|word|consultation|appointment|referral|"
    r"prescription|review|opinion|assessment|treatment|call|ask|book|see|speak|talk|it|them|one|ones|some|these|"
    r"those|this|that|buy|bought|get|got|pick|up|collect|order|available|sold|stocked|in|into|to)\b)[a-z]+\s+"
    r"(?:from|at)\s+(?:the|your|a|any|an?)\s+(?:local\s+)?$",
    re.IGNORECASE,
)
_SHOP = LazyPattern(r"(?:chemists?|pharmac(?:y|ies))\b", re.IGNORECASE)
# ... nor one said to sell a thing, as news of the shops: "Chemists sell loads of diabetic sweets but honestly they're
# a waste of money" (not "Chemists sell nicotine patches - ask them which suits you").
_SELLS = LazyPattern(r"\s+(?:(?:all|also|now|often)\s+)?(?:sell|sells|stock|stocks)\b", re.IGNORECASE)
# A chain named is a signpost only where its sentence sends the reader there: "the folks at Boots can recommend
# something" (not "I got some cheap tablets in Boots that sorted mine").
_CHAIN = LazyPattern(r"(?:Specsavers|Vision\s+Express|Superdrug|Boots)\b", re.IGNORECASE)
# What still points to the pharmacy in such a sentence: asking, speaking to or calling it, what it can do, a worry.
_ASKS_SERVICE = LazyPattern(
    r"\b(?<!n't\s)(?<!\bnot\s)(?:call|ring|phone|contact|speak|talk|ask|see|visit|book|get\s+in\s+touch|"
    r"(?:can|will|could|may)\s+(?:\w+\s+)?(?:help|advise|assess|check|prescribe|suggest|look|treat|see|recommend)|"
    r"urgent|advice|worried)\b",
    re.IGNORECASE,
)


# A service named inside a quoted phrase that the sentence then talks about is mentioned, not pointed to: "We know
# 'see your GP' can feel like a brush-off" (not "Our advice: 'see your GP if it lasts'", "'ask your pharmacist' is our
# advice").
_QUOTE_OPENED = LazyPattern(r"(?:^|(?<=[\s(]))[\"'“](?:[^\"'“”\n]|(?<=\w)'(?=\w))*$")
_QUOTE_SAID_OF = LazyPattern(
    r"(?:[^\"'“”\n]|(?<=\w)'(?=\w)){0,60}?[\"'”]\s+(?:can|could|may|might|does|doesn't|do|don't|sounds?|sounded|feels?|felt|"
    r"seems?|comes?\s+across|(?:isn't|is\s+not|wasn't|was\s+not)\s+(?:much|any|a\s+lot\s+of|always)\s+(?:help|use))\b",
    re.IGNORECASE,
)


# The service's own staff named as the source of a tip are not pointed to: "Our health visitor Priya's top tip for colic
# is ...", "Our midwives always say: trust your instincts" (not "Our pharmacists can check it for you").
_OUR = LazyPattern(r"\bour\s+(?:[\w-]+\s+)?$", re.IGNORECASE)  # ("our community pharmacists")
_THEIR_TIP = LazyPattern(
    r"(?:\s+(?-i:[A-Z])[\w'-]+)?(?:(?:'s|(?<=s)')\s+(?:top\s+|best\s+|favourite\s+|golden\s+|number\s+one\s+)?(?:tips?|advice|rule|"
    # (Not a service named for its advice: "Our health visitors' advice line is open 9-5".)
    r"tricks?|suggestions?)(?!\s+(?:line|service|desk|clinic|session|hub|number|team)s?\b)|\s+(?:always\s+|often\s+|usually\s+)?(?:say|says|said|swear\s+by)\b)",
    re.IGNORECASE,
)
# ... nor one whose call back was what the reader waited for: "We're sorry you waited so long for 111 to call you back"
# (its words are blanked, so that their "call" sends no one; not "ask 111 to call you back").
_ITS_CALL_BACK = LazyPattern(
    r"\s+to\s+(?:call|ring|phone|text)\s+(?:(?:you|u|him|her|them)(?:\s+back)?|back)\b", re.IGNORECASE
)
# (A call back the writer has asked for is left to the report that says so: "We've asked the community team to call
# you".)
_ASKED = LazyPattern(r"\b(?:asked|told)\s+(?:(?:the|your|our)\s+)?$", re.IGNORECASE)  # ("asked the pharmacy to call")
_ASKED_TO_ACT = LazyPattern(r"\b(?:we've|we\s+have|we)\s+(?:asked|told)\s+(?:\w+\s+){1,3}?to\s+\w+", re.IGNORECASE)
# ... or what the writer will do with it: "Reply with your NHS number and we'll chase the pharmacy".
_WE_CHASE = LazyPattern(
    r"\b(?:we'll|we\s+will|we've|we\s+have|we're|we\s+are|we\s+can|we\s+could)\s+(?:chase|chased|chasing|contact|contacted|"
    r"contacting)\s+"
    r"(?:up\s+)?(?:the|your|their)\s+(?:local\s+)?$",
    re.IGNORECASE,
)


_QUOTED_LINE = LazyPattern(r"(?:^|\n)[ \t]*>[^\n]*$")  # a Markdown blockquote's line, up to here
_BLOCKQUOTE = LazyPattern(r"^[ \t]*>[^\n]*", re.MULTILINE)  # a Markdown blockquote's line
_BOLD = LazyPattern(r"\*\*|__")


def signposts(text: str) -> bool:
    """Whether the reply points to a GP, pharmacy, NHS 111...: names one other than only in an apology or a report of
    what happened."""
    for m in SIGNPOSTING.finditer(text):
        if _QUOTED_LINE.search(text, max(0, m.start() - _CLAUSE_MAX), m.start()):
            continue  # the reader's message quoted back ("> the GP can't see her until Thursday"), not the reply's word
        # Its sentence, read at most _CLAUSE_MAX characters either side, so that a text of many mentions stays linear.
        start = _sentence_starts(text, m.start())[-1]
        stop = min(len(text), m.end() + _CLAUSE_MAX)
        after = _SENTENCE_BREAK.search(text, m.end(), stop)
        end = after.end() if after else stop
        sentence = text[start : after.start() if after else stop]
        occasion = _OCCASION.search(text, max(0, m.start() - 60), m.start()) or (
            _BOOKED.match(text, m.end()) and _UNTIL.search(text, max(0, m.start() - 20), m.start())
        )
        compared = _REMEDY_WINS.search(text, max(0, m.start() - 60), m.start())
        if compared and _NONE_BEATS.search(text, max(0, compared.start() - 40), compared.start()):
            compared = None
        if compared:
            offer = _THEIR_OFFER.match(text, m.end())
            if offer:
                sentence = masked(sentence, [(offer.start() - start, offer.end() - start)])
        if _SELF_INTRO_AFTER.match(text, m.end()) or _SELF_INTRO_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if _DISCLAIMER.search(text, max(0, m.start() - 30), m.start()):
            continue  # "We're not doctors, but ... rest it": what the writers are not sends no one there
        if _WE_CHASE.search(text, max(0, m.start() - 40), m.start()):
            continue  # what the writer will do ("we'll chase the pharmacy"), not where the reader is sent
        if _REGISTERED.search(text, max(0, m.start() - 30), m.start()):
            continue  # who a service takes ("open to anyone registered with a GP"), not where the reader is sent
        if _UNTIL_IT_SAYS.match(text, m.end()) and _UNTIL.search(text, max(0, m.start() - 20), m.start()):
            return True  # its word waited for ("don't start the milk ladder until your health visitor or GP says so")
        took_on = _AS_IT_SAID_AFTER.match(text, m.end())
        if took_on and _AS_IT_SAID_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            if _SENT_BACK.search(text, took_on.end(), end):
                return True
            continue  # its word taken on as the reply's own ("Like your GP said, keep it dry")
        if _ENDORSED.match(text, m.end()):
            continue  # ... or endorsed as the reply's own ("111 told you to rest it, and that's still good advice")
        if found_right := _FOUND_RIGHT.match(text, m.end()):
            if _SENT_BACK.search(text, found_right.end(), end + _CLAUSE_MAX):
                return True
            continue  # ... or found right ("The pharmacy was spot on: ibuprofen and your edoxaban don't mix")
        if _FIGURES_FROM.match(text, m.end()) or _ITS_LETTER.match(text, m.end()):
            continue  # where figures or news come from ("Our GP data shows..."), not where the reader is sent
        if _OUR.search(text, max(0, m.start() - 30), m.start()) and _THEIR_TIP.match(text, m.end()):
            continue  # the source of the reply's own tip ("Our midwives always say: ...")
        call_back = _ITS_CALL_BACK.match(text, m.end())
        if call_back and not _ASKED.search(text, max(0, m.start() - 20), m.start()):
            sentence = masked(sentence, [(call_back.start() - start, call_back.end() - start)])
        before = max(start, m.start() - 40)
        if (_ANSWERED.search(text, before, m.start()) and _CALLS.match(text, m.end())) or _KEPT_OUT_OF.search(
            text, before, m.start()
        ):
            continue  # its work told as news ("answer 999 calls", "keep people out of A&E")
        overruled = [q.span() for q in _OVERRULED_QUOTE.finditer(sentence)]
        said_but = _WE_KNOW.search(text, max(start, m.start() - 30), m.start()) and _SAID_BUT.match(text, m.end())
        if _SAYS_OTHERWISE.match(text, m.end()) or said_but or any(a <= m.start() - start < b for a, b in overruled):
            continue  # its word overruled ("Your GP might say otherwise, but ...")
        sentence = masked(sentence, overruled)  # (what a quote overruled asks sends no one)
        if _QUOTE_SAID_OF.match(text, m.end()) and _QUOTE_OPENED.search(text, max(start, m.start() - 60), m.start()):
            continue  # a quoted phrase talked about: "'see your GP' can feel like a brush-off"
        if _CHAIN.match(m.group()) and not _ASKS_SERVICE.search(sentence):
            continue  # a shop the writer names ("I got some tablets in Boots"), not one the reader is sent to
        if _SHOP.match(m.group()) and (
            _BOUGHT_FROM.search(text, max(0, m.start() - 40), m.start()) or _SELLS.match(text, m.end())
        ):
            if _ASKS_SERVICE.search(sentence):
                return True
            continue
        # A service said not to help ("theres nothing the doctors can give"): the words that say so are blanked, so that
        # their "give" sends no one.
        useless = _NOTHING_THEY_CAN.search(sentence)
        said = useless.span() if useless else None
        unneeded = (
            _NOT_NEEDED.search(text, max(start, m.start() - 40), m.start())
            or _NOT_THE_WAY.search(text, max(start, m.start() - 80), m.start())
            or _FOR_EMERGENCIES.match(text, m.end())
        )
        if unneeded:
            # A service the reader need not go to is pointed to only where the sentence then sends them back to it ("...
            # but if it gets worse, give them a call"), not where it goes on about the complaint ("You don't need to
            # bother your GP with this, tingly feet ... usually settle if you keep your sugars steady"), nor past a
            # dash ("No need to call 111 for this - if you've missed one dose, just take the next").
            dash = _DASH_CLAUSE.search(sentence, m.end() - start)
            after = sentence[m.end() - start : dash.start() if dash else len(sentence)]
            other = SIGNPOSTING.search(after, 0, 40)
            if other and _OR_ANOTHER.fullmatch(after, 0, other.start()):
                after = after[other.end() :]  # "no need to see a GP or call 111 for it": both waived
            if _SENT_BACK.search(after):
                return True
            continue
        if said:
            sentence = masked(sentence, [said])
        report = SERVICE_REPORT.search(sentence)
        if report and (so := _SO.search(sentence, report.end())) and m.end() - start <= so.start():
            sentence = sentence[: so.start()]  # what the reply does about it is its own: "It's shut, so take two"
        # (What the writer asked of it sends no one: "We've asked the community team to call you".)
        sentence = masked(sentence, [r.span() for r in _ASKED_TO_ACT.finditer(sentence)])
        if not (occasion or compared or said or report) or DIRECTING.search(sentence):
            return True
        if report and _BACK_TO_THEM.match(text, end, end + _CLAUSE_MAX):
            return True  # "Sounds like 111 gave you good advice there. If it isn't settling, ring them back."
    return False


# A prediction about the illness itself: a sentence with a medical word and "should", "usually", "normally"...
# but no word of the service ("we", "our", "the clinic", "appointments"), which would make it about the service:
# "more fruit and water should get things moving again" is, "the asthma clinic should reopen soon" is not.
PREDICTION = LazyPattern(
    # Not "should (not) have to", "should be able to": what ought to be, not what the illness will do.
    # Nor "should have said": what ought to have happened.
    # Nor "everyone should know": what is worth knowing.
    r"\b(?:should(?!\s+(?:not\s+|never\s+)?(?:have|need)\s+to\b|\s+(?:not\s+)?be\s+(?:able|asked|made|given|offered)\b|"
    r"\s+(?:know|learn|read|watch|share)\b|"
    r"\s+(?:not\s+|never\s+)?have\s+(?:\w+ed|been|said|told|sent|done|got|had|seen|known|given|taken|come|gone|made|put|"
    r"kept|left|heard|shown)\b)|"
    r"usually|normally|(?<!\bhow\s)often|generally|typically|tends?\s+to|will\s+(?:usually|normally|often|probably|soon|always)|"
    # A verdict that ends its clause, with a medical word in the sentence: "so a lie-in at weekends is fine -".
    # (As a conclusion drawn with "so": not "the photo of the rash you sent is fine".)
    r"(?<=\bso\s)(?:[\w'-]+\s+){1,6}?(?:is|are)\s+(?:absolutely\s+|totally\s+|perfectly\s+|completely\s+)?fine"
    r"(?=\s*(?:[.!,;]|\s[-–—]|$))|"
    # An explanation given as fact: "that twitching is just tiredness", "a swollen ankle ... is down to sitting".
    r"(?:is|are|it's|that's)\s+(?:probably\s+|likely\s+|usually\s+|often\s+|only\s+)?(?:just(?!\s+(?:gone|been|a\s+reminder|\w+ed)\b)|down\s+to|caused\s+by)|"
    # How long it takes, in the present: "most back pain gets better within six weeks".
    r"(?:gets?\s+better|improves?|lifts?|clears?(?:\s+up)?|settles?|eases?|disappears?|fades?|passes?|goes|stops)\s+"
    r"(?:by\s+itself\s+|on\s+its\s+own\s+)?within\s+(?:a|an|\d+|a\s+few|a\s+couple\s+of|one|two|three|four|five|six|"
    r"eight|twelve|several)\s+(?:days?|weeks?|fortnight|months?))\b",
    re.IGNORECASE,
)
# How many a complaint or a remedy reaches, said of people ("exam stress hits loads of teens", "daylight every
# morning lifts most people"), or a remedy's verdict ("gentle stretching is the answer", "did the trick"). Read like
# a prediction: in a sentence with no word of the service ("the bus strike affects many people travelling to
# appointments", "the new phones are the answer to the queues" are about the service).
SELF_CARE_CLAIM = LazyPattern(
    r"\b(?:hits|affects|lifts|suits)\s+(?:loads\s+of|lots\s+of|most|many|plenty\s+of|a\s+lot\s+of)\s+(?:\w+\s+)?"
    r"(?:people|us|teens|teenagers|children|kids|babies|toddlers|parents|women|men|adults|mums|dads)\b|"
    # What most people find or swear by, and a remedy's story: "lots of women swear by a fan", "made a huge difference".
    # (Who they are may come between: "Lots of people with hypermobility find magnesium ... ease joint pain".)
    r"\b(?:most|many|some|lots\s+of|loads\s+of|plenty\s+of|a\s+lot\s+of)\s+(?:\w+\s+)?(?:people|us|women|men|mums|dads|"
    r"parents|patients)(?:\s+with(?:\s+[\w'-]+){1,3}?)?\s+(?:find|swear\s+by)\b|\bswears?\s+by\b|"
    # ... or has helped: "200mg at night has helped lots of people with long covid fatigue".
    r"\b(?:has|have)\s+helped\s+(?:so\s+many|lots\s+of|loads\s+of|many|plenty\s+of|a\s+lot\s+of)\s+(?:\w+\s+)?(?:people|"
    r"women|men|mums|dads|parents|patients)\b|"
    # ... or who it is good for: "Scratch mittens are brilliant for babies with chickenpox".
    r"\b(?:great|good|brilliant|amazing|perfect|ideal|handy|a\s+godsend|a\s+lifesaver)\s+for\s+(?:babies|children|kids|"
    r"toddlers|little\s+ones|anyone|people|adults|women|men)\s+with\b|"
    # ... or what works for them: "E-cigarettes work really well for lots of people", "... works better for most
    # people", "Naproxen works better than paracetamol for most people with period pain".
    r"\bwork(?:s|ed)?\s+(?:really\s+|very\s+|so\s+)?(?:well|better(?:\s+than\s+[\w-]+)?|best)\s+for\s+(?:lots\s+of|loads\s+of|most|many|plenty\s+of|a\s+lot\s+of)\s+"
    r"(?:\w+\s+)?(?:people|us|women|men|mums|dads|parents|patients|smokers|kids|children)\b|"
    # ... or the way or the thing to do first: "cutting out sugary drinks is the quickest way to bring your blood sugar
    # down", "the salt in ready meals is the thing to cut first".
    r"\b(?:is|are)\s+(?:the|your)\s+(?:quickest|best|easiest|fastest|simplest|surest|safest|gentlest)\s+way\s+(?:to|back)\b|"
    # ("Cranberry juice for the burning when you pee is an old favourite".)
    r"\b(?:is|are)\s+an?\s+(?:old|firm|tried\s+and\s+tested)\s+favourites?\b|"
    r"\b(?:is|are)\s+the\s+(?:first\s+)?(?:thing|things|one)\s+to\s+(?:cut|avoid|try|drop|change|stop|swap)\b|"
    # ... or do: "Alternating Calpol and Nurofen is what most parents do".
    r"\b(?:is|are)\s+what\s+(?:most|many|lots\s+of|loads\s+of|plenty\s+of)\s+(?:\w+\s+)?(?:people|parents|mums|dads|women|men)\s+do\b|"
    r"\b(?:made|makes?)\s+(?:a|all\s+the)\s+(?:big\s+|huge\s+|real\s+|massive\s+)?difference\b|"
    # "does wonders", "takes the edge off", "most people can still manage milk", "totally normal for a day or so".
    # A remedy compared or enough: "a pint of water does more than paracetamol", "a daily shower is all she needs",
    # "Worked a treat on our eldest", "Worked for me!".
    # ... or more for a complaint: "Strengthening your thighs does far more for knees that ache".
    r"\b(?:does|do|did)\s+(?:far\s+|much\s+|a\s+lot\s+|way\s+|loads\s+)?more\s+(?:good\s+)?(?:than|for)\b|\b(?:is|are)\s+all\s+(?:she|he|they|you|it|baby|your\s+\w+)\s+needs?\b|"
    r"\bwork(?:s|ed)\s+(?:a\s+treat|wonders)\b|\bworked\s+for\s+me\b|\bworks\s+every\s+time\b|"
    r"\b(?:soothes|relieves)(?=\s*(?:[.!;]|$))|\bno\s+need\s+to\s+do\s+anything\b|"
    r"\b(?:a|one|another)\s+(?:pint|big\s+glass|glass)\s+of\s+water\b|\bshake\s+(?:it|them|(?:your|his|her|their)\s+\w+)\s+out\b|"
    r"\b(?:don't|doesn't)\s+bother\s+(?:them|him|her|babies|baby)\b|"
    r"\bmakes?\s+it\s+(?:take\s+longer|harder)\b|\blasts\s+longer\b|\b(?:do|does|did)\s+wonders\b|\b(?:does|do)\s+(?:\w+\s+)?help\b|\b(?:is|it's)\s+good\s+for\s+(?:baby|you|them|him|her)\b|\bworks?\s+(?:just\s+)?as\s+well\b|\bis\s+your\s+(?:best\s+)?friend\b|"
    r"\bthe\s+(?:key|trick|secret|best\s+thing|main\s+thing)\s+is\b|"
    r"\bbest\s+(?:thing|cure|remedy|medicine|treatment)\s+for\b|\bis\s+the\s+best\s+medicine\b|\bgoes\s+a\s+long\s+way\b|\bmakes?\s+(?:\w+\s+){1,2}worse\b|"
    # How long it takes to heal: "a bruised rib takes about three weeks to stop hurting".
    r"\btakes?\s+(?:about\s+|around\s+|up\s+to\s+)?(?:\d+|a\s+few|a\s+couple\s+of|one|two|three|four|six|several)\s+"
    r"(?:days|weeks|months)\s+to\s+(?:heal|settle|stop|clear|go|ease|pass|recover|get\s+better|feel)\b|"
    r"\b(?:turns?|turned)\s+out\s+to\s+be\b|"
    # A complaint grown out of: "Lots of children outgrow a milk allergy by school age".
    r"\b(?:outgrow|outgrows|outgrew|grow\s+out\s+of)\s+(?:a|an|the|their|his|her|it|them)\b|"
    # What a symptom may mean: "Pain in the upper right of your tummy can be a sign of gallstones".
    r"\b(?:can|could|may|might)\s+be\s+(?:a|an)\s+(?:early\s+|common\s+)?(?:sign|symptom)\s+of\b|\bsees?\s+(?:most|many|lots\s+of)\s+(?:people|women|us)\s+through\b|"
    r"\b(?:it's|it\s+is)\s+nothing\b(?!\s+(?:to\s+do|like|compared|new|personal|to\s+be\s+(?:embarrassed|ashamed)))|"
    r"\bthe\s+best\s+thing\s+(?:you\s+can\s+do|for\s+(?:it|them|him|her))\b|\bis\s+the\s+(?:best|safest)\s+thing\b|\bis\s+the\s+way\s+to\s+go\b|"
    # ("Wet wraps were the game-changer for our Alfie's eczema": "the" too.)
    r"\b(?:is|are|was|were)\s+(?:an?\s+|the\s+)?(?:absolute\s+|real\s+)?(?:heaven|lifesaver|life-saver|godsend|magic|miracle|"
    r"game[- ]?changer|must-have|winner)\b|"
    r"\b(?:all|totally|perfectly|completely)\s+fine\b|"
    r"\b(?:once|twice|three\s+times|a\s+(?:couple|few)\s+(?:of\s+)?times|\d+\s+times)\s+a\s+(?:week|night)\b"
    r"(?!,?\s+(?:the|our|we|staff|a|an)\b)|"
    r"\b(?:great|good|brilliant)\s+for\s+(?:dry|sore|tired|itchy|achy|aching|stiff)\s+\w+|"
    r"\bit\s+is\s+(?:recommended|advised|advisable)\b|"
    # (Or a remedy no longer advised: "breathing into a paper bag isn't recommended any more".)
    # ("Graded exercise isn't recommended for long covid any more": what it is not recommended for between.)
    r"\b(?:isn't|is\s+not|aren't|are\s+not)\s+recommended(?:\s+for(?:\s+[\w'-]+){1,3}?)?\s+any\s?more\b|"
    r"\b(?:is|are)\s+(?:a\s+)?(?:classic|common|known|big|major|typical)\s+(?:\w+\s+)?triggers?\b|\bis\s+a\s+good\s+(?:rule|habit)\b|"
    r"\b(?:isn't|aren't|is\s+not|are\s+not|won't\s+be)\s+a\s+problem\s+for\b|"
    r"\b(?:far\s+|much\s+|a\s+lot\s+)?(?:less|more)\s+harmful\s+than\b|\bmore\s+accurate\b|"
    r"\bnever\s+(?:hurt|harmed)\s+anyone\b(?!\s+to\s+(?:ask|check|try|call|book|say))|"
    # A story of what worked, a regimen by the minute, a verdict of how ordinary it is, giving it time.
    r"\bwhat\s+(?:worked|helped|works|helps)\s+(?:for\s+\w+(?:\s+\w+)?\s+|me\s+|us\s+)?(?:\w+\s+){0,3}(?:was|is|were)\b|"
    r"\b(?:\d+|a|one|a\s+few|five|ten|twenty|thirty)\s+minutes?\s+(?:a|each|every)\s+(?:day|morning|evening|night)\b|\b\d+\s+minutes\s+on,?\s+\d+\s+minutes\s+off\b|"
    r"\b(?:is|are|it's|that's)\s+(?:\w+\s+)?(?:par\s+for\s+the\s+course|standard(?=\s*(?:[.,;:!?]|$|for\b|in\b|after\b)))|"
    r"\bgive\s+it\s+(?:another|a|one)\s+(?:more\s+)?(?:days?|weeks?|fortnight)\b|"
    r"\b(?:don't|do\s+not)\s+bother\s+(?:with|buying|getting|taking)\b|\bgo\s+easy\s+on\b|"
    r"\b(?:can|will|may|should)\s+(?:really\s+|often\s+)?(?:calm|soothe|ease|settle|shift|clear)\s+(?:the|your|it|them|things)\b|"
    r"\b(?:takes?|took)\s+the\s+edge\s+off\b|"
    # Permission with its moment: "plain water and dry toast is fine once the sickness stops", "it's fine to start
    # driving again once you can do an emergency stop".
    r"\b(?:is|are|it's|that's)\s+(?:\w+\s+)?(?:fine|ok|okay|alright|safe)\s+(?:(?:to\s+(?:start|go\s+back|get\s+back|return|"
    r"resume)\b[^.!?\n]{0,40}?\s)?(?:once|as\s+soon\s+as))\b|"
    # "missing a few days shouldn't do any harm".
    r"\b(?:won't|wouldn't|shouldn't|doesn't|will\s+not|should\s+not|does\s+not)\s+do\s+(?:(?:you|them|him|her)\s+)?"
    r"(?:any|much)\s+harm\b|"
    # "sound therapy or a white noise app at bedtime can make the ringing easier to live with".
    r"\b(?:can|will|may|might|should|could)\s+(?:really\s+|often\s+)?make\s+(?:[\w']+\s+){1,2}?"
    r"(?:much\s+|a\s+lot\s+|a\s+bit\s+|far\s+)?(?:easier\s+to\s+(?:live\s+with|bear|manage|cope\s+with)|"
    r"more\s+bearable|less\s+(?:painful|itchy|sore|noticeable|intrusive))\b|"
    # A verdict ends its phrase or says when: "totally normal for a day or so", not "a completely normal question",
    # "really common for patients to ask".
    r"\b(?:totally|completely|perfectly|quite|really|very|pretty|entirely)\s+(?:normal|common|harmless)"
    r"(?=\s*(?:[.,;:!?]|\s-\s|$|for\s+(?:a|the\s+first|\d)|in\s|at\s+this|after|during|when|with|among|and))|"
    # Permission for a while: "that's fine for a few days".
    r"\b(?:it's|that's|is|are)\s+(?:\w+\s+)?(?:fine|ok|okay|alright|normal)\s+for\s+(?:a\s+few|a\s+couple\s+of|\d+|a|an)\s+"
    r"(?:days?|weeks?|hours?|nights?)\b|\b(?:most|many|lots\s+of|plenty\s+of)\s+(?:\w+\s+)?(?:people|kids|children|babies|"
    r"women|men|of\s+us)\s+can\s+(?:still\s+)?(?:manage|have|eat|drink|take|tolerate|cope\s+with)\b|"
    r"\b(?:is|are|was|were)\s+(?:honestly\s+|really\s+|probably\s+|still\s+)?(?:the|your)\s+(?:answer|best\s+bet|cure)\b|\bworks\s+(?:really\s+)?brilliantly\b|\b(?:does|did|do)\s+the\s+trick\b",
    re.IGNORECASE,
)
REMEDY_LIST = LazyPattern(
    rf"^\s*(?:(?:{_MEDICINES}|rest|fluids|elevation|sleep|cuddles|water|fresh\s+air)\s*(?:,\s*|\s+and\s+|\s*\+\s*|&\s*)){{1,5}}"
    rf"(?:{_MEDICINES}|rest|fluids|elevation|sleep|cuddles|water|fresh\s+air)\s*[.!]*\s*$",
    re.IGNORECASE,
)
# Two remedies listed at the start of a clause, with no verb after them: "- an antihistamine and an ice pack, and draw
# round it" (not "Paracetamol and ibuprofen are out of stock").
REMEDY_PAIR = LazyPattern(
    rf"(?:^|[.!?:;]\s+|\s[-–—]\s+)(?:an?\s+|some\s+)?(?:[\w-]+\s+)?(?:{_MEDICINES})\s*(?:,|and|&|\+)\s*"
    rf"(?:an?\s+|some\s+)?(?:[\w-]+\s+)?(?:{_MEDICINES})(?=\s*(?:[.!,;]|\s[-–—]|$|(?:then|before|at|every|twice|till|until)\b))",
    re.IGNORECASE | re.MULTILINE,
)
# An everyday remedy that ends its clause by helping: "Slow breathing - in for four, out for six - can help a lot",
# "..., so regular snacks and water help." (Not "Our walks can help", "The staff can help": the service's own.)
LIFESTYLE_HELPS = LazyPattern(
    r"(?:^|[,;:]\s*(?:so\s+|and\s+|but\s+)?)\s*(?:(?!(?:our|the|your|their|this|these|staff|volunteers)\b)\w+\s+){0,4}"
    r"(?:water|snacks|meals|breathing|sleep|sleeping|rest|exercise|stretching|stretches|walks?|walking|fresh\s+air|daylight|"
    r"fluids|drinks|naps?|routines?|baths?|showers?|peas|ice|ice\s+packs?|cold\s+compress|flannel|heat\s+packs?|"
    r"hot\s+water\s+bottle)\b[^.!?\n]{0,80}?\s(?:(?:can|will|should|may|might|really|"
    r"genuinely|often|usually)\s+)*helps?(?:\s+(?:a\s+lot|loads|massively|so\s+much|too|hugely|a\s+bit|no\s+end))?"
    r"(?:\s+(?:in\s+the\s+meantime|for\s+now|tonight|meanwhile))?\s*(?:[.!,;]|$)|"
    # ... or by what it does for someone's mood or sleep: "a daily walk ... can really lift his low mood".
    r"(?:^|[,;:]\s*(?:so\s+|and\s+|but\s+)?)\s*(?:(?!(?:our|the|your|their|this|these|staff|volunteers)\b)\w+\s+){0,4}"
    r"(?:sleep|rest|exercise|stretching|walks?|walking|fresh\s+air|daylight|routines?|baths?)\b[^.!?\n]{0,80}?\s"
    r"(?:can|will|should|may|might)\s+(?:really\s+|often\s+)?(?:lift|ease|improve|boost|calm|settle|soothe)\s+"
    r"(?:his|her|their|your)\s+(?:low\s+)?(?:mood|sleep|anxiety|pain|stiffness|agitation)\b",
    re.IGNORECASE,
)
# A remedy as the subject of its sentence, by its "-ing" form: "Joining a walking group gives the week some shape",
# "Getting outside every morning helps" (not "Booking online saves time", nor "Parking is...": the service's own).
GERUND_REMEDY = LazyPattern(
    r"^\s*(?!(?:booking|calling|ringing|contacting|visiting|using|ordering|following|sharing|checking|parking|waiting|"
    r"queuing|queueing|bringing|arriving|travelling|nothing|something|everything|anything|morning|evening|during)\b)"
    r"[A-Za-z]{3,}ing\b(?:\s+\S+){0,8}?\s+(?:gives|gets|helps|makes|keeps|stops|eases|lifts|works|clears|settles|calms|soothes|"
    r"gave|helped|made|kept|stopped|eased|lifted|worked|cleared|settled|calmed|soothed|sorted|fixed)\b",
    re.IGNORECASE,
)
# How common a complaint is, said of people, the complaint right after the verb: "lots of new mums get baby blues",
# "many teenagers suffer from acne" (not "lots of parents get the bus to the asthma clinic").
PREVALENCE = LazyPattern(
    r"\b(?:lots|loads|most|many|plenty|a\s+lot)\s+(?:of\s+)?(?:\w+\s+)?(?:people|mums|dads|women|men|parents|children|"
    r"kids|babies|toddlers|teens|teenagers|adults)\s+(?:get|suffer(?:\s+from)?|experience|go\s+through|have)\s+"
    r"(?:(?:a|an|some|the)\s+)?",
    re.IGNORECASE,
)
SERVICE_WORD = LazyPattern(
    # (A family's "our" is not the service's: "our Alfie's eczema", "our eldest", "our little one"; nor the people who
    # tell of a remedy: "Autistic adults in our co-production group swear by weighted blankets", "our patients".)
    r"\b(?:our(?!\s+(?:(?-i:[A-Z])[a-z]+'s\b|eldest|youngest|little\s+one|lad|lass|(?:[\w-]+\s+)?(?:patients|members|"
    r"(?:support|peer|carers|parents|co-production|user|patient)\s+groups?)|regulars|followers|readers)\b)|"
    r"we|we'll|we're|we've|us|teams?|practice|clinics?|services?|appointments?|letter|staff|nurses?|centres?|wards?|"
    # (An app named for a remedy is the remedy: "a white noise app at bedtime can make the ringing easier".)
    r"(?<!noise\s)(?<!meditation\s)(?<!mindfulness\s)(?<!relaxation\s)(?<!breathing\s)(?<!sleep\s)(?<!fitness\s)app|"
    r"website|online|booking|prescriptions?|slots?|waiting\s+(?:lists?|times?)|queues?|reviews?|backlogs?|"
    # Recruitment: "Volunteering with people who have dementia gives you a sense of purpose - apply by 1 May".
    r"apply|applications?|vacanc\w+|recruit\w*|jobs?|volunteer\w*|"
    # The service's criteria for a treatment: "Tonsils are usually only taken out when someone has had ...".
    r"only\s+(?:taken\s+out|removed|offered|prescribed|referred|operated\s+on)\s+(?:when|if)|"
    r"(?:taken\s+out|removed|offered|prescribed|referred)\s+only\s+(?:when|if)|"
    # ... and who can get it: "To get Wegovy on the NHS you'll normally need a BMI of 35 or more".
    r"on\s+the\s+NHS)\b",
    re.IGNORECASE,
)


# A remedy's effect on the complaint named right after its verb: "a spoonful of sugar stops hiccups"; or that a habit
# does not bring it on: "Cracking your knuckles won't give you arthritis".
EFFECT = LazyPattern(
    r"\b(?:stops|cures|eases|clears|soothes|relieves|prevents|shifts|fixes|settles)\s+(?:(?:the|your|most|a|an)\s+)?|"
    r"\b(?:won't|will\s+not|doesn't|does\s+not|don't|do\s+not|can't|cannot)\s+(?:ever\s+|actually\s+|really\s+)?"
    r"(?:give|cause|bring\s+on)\s+(?:you\s+|him\s+|her\s+|them\s+|(?:your|his|her|their)\s+\w+\s+)?(?:an?\s+)?",
    re.IGNORECASE,
)


# A cause ruled out, the complaint soon after: "there's no evidence that fluoride in tap water causes bladder cancer".
NO_EVIDENCE = LazyPattern(
    r"\bno\s+(?:good\s+|real\s+|scientific\s+|strong\s+)?evidence\s+(?:that\s+)?[^.!?\n]{0,60}?\b(?:causes?|gives?\s+you|"
    r"leads?\s+to|raises?\s+(?:the\s+|your\s+)?risk\s+of)\b|"
    # ... or said outright, as a myth-buster's fact: "Fact: the MMR vaccine doesn't cause autism".
    r"\b(?:doesn't|does\s+not|don't|do\s+not|won't|will\s+not|can't|cannot)\s+(?:cause|give\s+you|lead\s+to)\b",
    re.IGNORECASE,
)


def _predicts(text: str) -> bool:
    """A sentence that predicts or explains the illness, or says how many it reaches, with no word of the service."""
    for s in SENTENCE_TEXT.finditer(text):
        sentence = s.group()
        if SERVICE_WORD.search(sentence) or SERVICE_TROUBLE.search(sentence):
            continue
        # (A question claims nothing: "Best remedy for the January blues? Our staff choir sings on Wednesdays.")
        claims = not sentence.rstrip().endswith("?") and SELF_CARE_CLAIM.search(sentence)
        if (
            claims
            or GERUND_REMEDY.match(sentence)
            or REMEDY_LIST.match(sentence)
            or LIFESTYLE_HELPS.search(sentence)
            or REMEDY_PAIR.search(sentence)
        ):
            return True
        if PREDICTION.search(sentence) and MEDICAL_TOPIC.search(sentence) and not _PRICE.search(sentence):
            return True
        if any(MEDICAL_TOPIC.match(sentence, m.end()) for m in PREVALENCE.finditer(sentence)):
            return True
        if any(MEDICAL_TOPIC.match(sentence, m.end()) for m in EFFECT.finditer(sentence)):
            return True
        if any(MEDICAL_TOPIC.search(sentence, m.end(), m.end() + 40) for m in NO_EVIDENCE.finditer(sentence)):
            return True
    return False


# What a service costs is no prediction of the illness: "Private ear wax removal usually costs £60 to £90".
_PRICE = LazyPattern(r"£\s?\d|\b(?:costs?|prices?|priced|fees?|charges?)\b", re.IGNORECASE)


def _sentence_starts(text: str, at: int) -> list[int]:
    """Where the sentences before `at` start, looking back at most _CLAUSE_MAX characters: the window's start, then
    each sentence break in it; the last is the start of the sentence `at` is in."""
    window = max(0, at - _CLAUSE_MAX)
    return [window, *(b.end() for b in _SENTENCE_BREAK.finditer(text, window, at))]


def _service_trouble(text: str, course: re.Match[str]) -> bool:
    """Whether what eases or clears is the service's trouble: named in its own sentence ("the supply issue should ease
    soon"), or in the one before when "it" or "this" is what eases ("there's a supply issue across West Yorkshire. It
    should ease by next week"; not "Sorry for the wait. Your cough should clear in a week")."""
    starts = _sentence_starts(text, course.start())
    own = starts[-1]
    end = _clause_end(text, course.end())
    if SERVICE_TROUBLE.search(text, own, end):
        return True
    previous = starts[max(0, len(starts) - 2)]
    return bool(_PRONOUN_SUBJECT.fullmatch(text, own, course.start())) and bool(
        SERVICE_TROUBLE.search(text, previous, own)
    )


def _service_does(text: str, m: re.Match[str]) -> bool:
    """Whether what should or will help is the service: its trouble (`_service_trouble`), or a word of the service
    before it in its sentence ("A call from the team this week should help"; not "A warm bath should help")."""
    own = _sentence_starts(text, m.start())[-1]
    return bool(SERVICE_WORD.search(text, own, m.start())) or _service_trouble(text, m)


# "Our new lounge has recliners - put your feet up!": the service's comfort, not rest for a complaint.
_FEET_UP = LazyPattern(r"(?:put|keep|get)\s+your\s+feet\s+up", re.IGNORECASE)
_MODAL = LazyPattern(r"\b(?:should|will)\b|'ll\b", re.IGNORECASE)
_PRONOUN_SUBJECT = LazyPattern(r"\s*(?:it|this|that|things)\s+(?:\w+\s+)?", re.IGNORECASE)


def _may_be_order(word: str) -> bool:
    """Whether a word can be the verb of an order by its form: not "-ing", nor a past "-ed" ("The practice has
    apologised and fixed the delay"), nor a plural or third person "-s" ("lights up, sound down"); "feed", "bleed",
    "press", "focus" can."""
    word = word.lower()
    return (
        not word.endswith("ing")
        and not (word.endswith("ed") and not word.endswith("eed") and len(word) > 3)
        and not (word.endswith("s") and not word.endswith(("ss", "us")) and len(word) > 3)
    )


def _sends_somewhere(phrase: str) -> bool:
    """Whether a suggestion ends in the "-ing" form of a verb that sends people somewhere ("worth booking", "worth
    popping in", "worth giving us a call" is read by its clause)."""
    word = phrase.split()[-1].lower()
    if not word.endswith("ing"):
        return False
    stem = word[:-3]
    return bool({stem, stem + "e", stem[:-1]} & _SENDING)


# "worth going gluten-free": going somewhere only when a place or a direction follows.
_GOING_NOWHERE = LazyPattern(
    r"(?<=going)\s+(?!(?:to|down|in|into|along|back|over|there|here|for|round|up|out|early|online|through)\b)\w", re.I
)
_SENDING_WORDS = """
call ring phone book join visit come contact email message pop drop head register sign apply check follow go speak
talk ask see look read find download watch listen bring
"""
_SENDING = frozenset(_SENDING_WORDS.split())


# A family's story of how it went: "it settled once he stopped growing", "they cleared up after a week" (its clause
# names no service: not "it eased once the second nurse arrived").
STORY = LazyPattern(
    # (Its subject is it, they, or someone's complaint: "her son's meltdowns eased once she cut out food colourings".)
    r"\b(?:it|they|(?:his|her|their|your|my)\s+(?:\w+'s\s+)?\w+)\s+(?:soon\s+|quickly\s+|eventually\s+|finally\s+|just\s+)?(?:settled|cleared(?:\s+up)?|eased(?:\s+off)?|"
    r"calmed\s+down|passed|healed|went\s+(?:away|down)|stopped|disappeared|faded)\s+(?:\w+\s+)?(?:once|when|after|within|"
    r"by|in\s+(?:a|\d+|two|three|a\s+few|a\s+couple))\b",
    re.IGNORECASE,
)


def _advises(text: str) -> bool:
    """Advice or reassurance: a phrase ADVICE knows, a self-care verb given as an order, the illness's course, what
    a carer is to do about someone else, an order with how often, or any order not about a service thing."""
    for m in ADVICE.finditer(text):
        if m.group().strip() and not (
            (_MODAL.search(m.group()) or _FEET_UP.match(m.group())) and _service_does(text, m)
        ):
            return True
    # Only the few characters before the verb are looked at, so this stays linear on long posts. (A comma leads an
    # order too after a condition that opens the sentence: "If you feel faint, sit down straight away, sip some water".)
    if any(
        _IMPERATIVE_LEAD.search(text, max(0, m.start() - 12), m.start())
        or (
            _COMMA_LEAD.search(text, max(0, m.start() - 12), m.start())
            and _CONDITION_OPENS.search(text, max(0, m.start() - _CLAUSE_MAX), m.start())
        )
        for m in SELF_CARE_VERB.finditer(text)
    ):
        return True
    if any(not _CARRIED.match(text, m.end()) for m in MEDICINE_PERMISSION.finditer(text)):
        return True
    if any(not _service_trouble(text, m) for m in COURSE.finditer(text)):
        return True
    if any(
        not SERVICE_WORD.search(text, m.end(), _clause_end(text, m.end())) and not _service_trouble(text, m)
        for m in STORY.finditer(text)
    ):
        return True
    if any(not SERVICE_WORD.search(text, m.end(), _clause_end(text, m.end())) for m in WE_SAY.finditer(text)):
        return True
    for m in DONT_WORRY.finditer(text):
        end = _clause_end(text, m.end())
        if (
            MEDICAL_TOPIC.search(text, m.end(), end)
            and not SERVICE_WORD.search(text, m.end(), end)
            and not SERVICE_THING.search(text, m.end(), end)
        ):
            return True
    for m in SUGGESTION.finditer(text):
        end = _clause_end(text, m.end())
        if not text[m.end() : end].strip():
            continue  # a lead-in: "Worth celebrating - our asthma team has won an award!"
        verb = _NEXT_WORD.match(text, m.end())
        if SERVICE_WORD.search(text, m.start(), end) or SERVICE_THING.search(text, m.end(), end):
            continue
        if m.group().lower().endswith("ing"):
            if _sends_somewhere(m.group()) and not _GOING_NOWHERE.match(text, m.end()):
                continue  # "worth booking early", "worth popping in" (the word after may be a particle: "writing down")
        elif verb and verb.group(1).lower() in NOT_ORDERS - FUNCTION_WORDS:
            continue  # "I'd book early", "If I were you I'd call them"
        return True
    if any(not SERVICE_THING.search(text, m.end(), _clause_end(text, m.end())) for m in CARER_ORDER.finditer(text)):
        return True
    for m in REGIMEN.finditer(text):
        word = m.group(1).lower()
        if (
            _may_be_order(word)
            and word not in FUNCTION_WORDS
            and not (word.endswith("s") and not word.endswith("ss"))
            and not SERVICE_THING.search(text, m.end(1), _clause_end(text, m.end(1)))
        ):
            return True
    for m in ORDER.finditer(text):
        if m.group(1).lower() not in FUNCTION_WORDS and _may_be_order(m.group(1)) and BODY_OBJECT.match(text, m.end(1)):
            body = BODY_OBJECT.match(text, m.end(1))
            head = body.group().rstrip().lower().endswith("head")
            if not _service_comfort(text, m.start(1)) and not (
                head and SERVICE_THING.search(text, m.end(1), _clause_end(text, m.end(1)))
            ):
                return True
    for m in BODY_PLACE_ORDER.finditer(text):
        if m.group(1).lower() not in NOT_ORDERS and _may_be_order(m.group(1)):
            return True
    return any(
        m.group(1).lower() not in NOT_ORDERS
        and _may_be_order(m.group(1))
        and not _PLACE_AFTER_COMMA.search(text, max(0, m.start(1) - 3), m.end(1))
        and not _SERVICE_ORDER.match(text, m.end(1))
        and not SERVICE_THING.search(text, m.end(1), _clause_end(text, m.end(1)))
        and not _event_lead_in(text, m.end(1))
        and not _service_comfort(text, m.start(1))
        and not _asks(text, m.end(1))
        and not _goes_on_telling(text, m.start(1))
        and not _complaint_on(text, m)
        and not _titled_on(text, m)
        for m in ORDER.finditer(text)
    )


_MEDICINE = LazyPattern(rf"(?:{_MEDICINES})$", re.IGNORECASE)
# A capital after a comma is a place's or a name's, not an order's: "collect it from 14 Bramble Close, Rayleigh any
# evening".
_PLACE_AFTER_COMMA = LazyPattern(r",\s+(?-i:[A-Z])[a-z]+$")


def _complaint_on(text: str, order: re.Match[str]) -> bool:
    """Whether an order's opening word is a complaint with "on" after it, which names where it is, not what to do:
    "Sciatica on top of a long wait sounds awful" (a remedy may be a verb: "Ice on the bruise")."""
    word = order.group(1)
    return (
        text[order.end(1) :].lstrip().lower().startswith("on ")
        and MEDICAL_TOPIC.fullmatch(word) is not None
        and not _MEDICINE.match(word)
    )


# A title's "Name on subject": "Ravi on living with epilepsy", "Priya on what helped" (not "Carry on living your life").
_TITLE_ON = LazyPattern(r"\s+on\s+(?:living|coping|life|being|growing|caring|what|how|why)\b", re.IGNORECASE)
_PHRASAL_ON = frozenset(("carry", "keep", "go", "hold", "press", "push", "soldier", "plough", "get", "crack", "move"))


def _titled_on(text: str, order: re.Match[str]) -> bool:
    """Whether an order's opening word is a name before "on" and a subject, as a title has it."""
    return order.group(1).lower() not in _PHRASAL_ON and _TITLE_ON.match(text, order.end(1)) is not None


# A statement told in the past or the perfect: "we've gritted it twice today", "the team cleared it".
_TOLD = LazyPattern(
    r"\b(?:we|I|they|he|she|staff|the\s+\w+)(?:'ve|'d|\s+(?:have|has|had))\s+(?:\w+\s+)?\w+|\b(?:we|I|they)\s+(?:\w+\s+)?\w+ed\b",
    re.IGNORECASE,
)
_AND_BEFORE = LazyPattern(r"\band\s+(?:(?:also|then|just)\s+)?$", re.IGNORECASE)


def _goes_on_telling(text: str, at: int) -> bool:
    """Whether the word at `at` follows "and" in a clause that tells what someone did, so that it is a past form too:
    "we've gritted it twice today and put a handrail up" ("put", "set", "cut" are their own past forms)."""
    and_ = _AND_BEFORE.search(text, max(0, at - 20), at)
    if and_ is None:
        return False
    start = max(0, and_.start() - _CLAUSE_MAX)
    ends = list(_CLAUSE_END.finditer(text, start, and_.start()))
    return bool(_TOLD.search(text, ends[-1].end() if ends else start, and_.start()))


def _asks(text: str, at: int) -> bool:
    """Whether the clause at `at` is a question: "Nod off in the waiting room?" asks, an order never does."""
    end = _clause_end(text, at)
    return text[end : end + 1] == "?"


def _service_comfort(text: str, at: int) -> bool:
    """Whether "put your feet up" at `at` offers the service's comfort ("Our lounge has recliners - put your feet
    up!"); "put them up" too where the service's seats are named before it in its sentence ("Our staff rest room now
    has reclining chairs - put them up!")."""
    feet_up = _FEET_UP.match(text, at)
    if feet_up:
        return _service_does(text, feet_up)
    them_up = _THEM_UP.match(text, at)
    if not them_up:
        return False
    own = _sentence_starts(text, at)[-1]
    return bool(_SEATS.search(text, own, at)) and _service_does(text, them_up)


_THEM_UP = LazyPattern(r"(?:put|keep|get)\s+them\s+up\b", re.IGNORECASE)
_SEATS = LazyPattern(
    r"\b(?:recliners?|reclining\s+(?:chairs?|seats?)|armchairs?|sofas?|footstools?|foot\s+rests?|lounge|rest\s*room)\b",
    re.IGNORECASE,
)


# A headline's order before a dash, followed by the service's event: "Slap on the sequins - our charity ball is on 14
# February!", "Dust off your trainers - the fun run is back" (not "Slather on the emollient - flares are horrible").
_LEAD_IN_NEXT = LazyPattern(r"\s[-–—]\s+(?:our|the|this|we're|we)\b", re.IGNORECASE)


def _event_lead_in(text: str, at: int) -> bool:
    end = _clause_end(text, at)
    after = _LEAD_IN_NEXT.match(text, end)
    return bool(after) and bool(SERVICE_THING.search(text, after.end(), _clause_end(text, after.end())))


# An order to change how a tablet is taken: "Halve the tablet if it's making you drowsy", "crush them into yoghurt". No
# service reply orders it, so the model, which has met few, does not overrule it.
DOSE_CHANGE = LazyPattern(
    r"(?:^|[.!?:;]\s*|\s[-–—]\s*|\b(?:and|then|just|simply|so)\s+)(?:halve|split|crush|quarter)\s+(?:the|your|his|her|their|"
    r"a|one|each|them|it)\b(?:\s+(?:\w+\s+)?(?:tablets?|pills?|capsules?|doses?))?|"
    # ... after a clause that says when, the tablets named: "Where a resident struggles to swallow, crush the evening
    # tablets into a spoon of yoghurt".
    r",\s*(?:halve|split|crush|quarter)\s+(?:the|your|his|her|their)\s+(?:\w+\s+)?(?:tablets?|pills?|capsules?)\b|"
    # ... or a dose skipped, missed or doubled, as an order or a permission: "you can skip tonight's dose", "just
    # double up tomorrow" (not "if you miss a dose, read the leaflet").
    r"(?:^|[.!?:;]\s*|\s[-–—]\s*|\b(?:and|then|just|simply|so|you\s+(?:can|could|may)|(?:it's|it\s+is)\s+(?:fine|ok|okay|"
    r"safe|alright)\s+to)\s+)(?:skip|miss|double(?:\s+up)?(?:\s+on)?|leave\s+out)\s+(?:the|your|his|her|their|a|one|"
    r"tonight's|today's|this\s+(?:morning|evening)'s|tomorrow's|the\s+next|your\s+next)\s+(?:\w+\s+)?(?:doses?|tablets?|pills?|"
    rf"injections?|jabs?|{_DRUG_NAME})\b|"
    # ... or doubled up for one forgotten: "Double up tomorrow if you missed yesterday's", "take two tomorrow if you
    # miss one".
    r"\b(?:double\s+up|take\s+(?:two|2|a\s+double\s+dose))\s+(?:\w+\s+){0,2}?if\s+(?:you|he|she|they)\s+(?:missed|miss|forgot|"
    r"forget)\b|"
    # ... or one dose for another: "make your brown inhaler last by taking one puff instead of two".
    r"\b(?:one|two|three|\d)\s+(?:puffs?|tablets?|pills?|capsules?|doses?|sprays?|drops?)\s+instead\s+of\s+(?:one|two|three|"
    r"four|\d)\b|"
    # ... or split, crushed or halved as something to try: "try splitting the capsule into yoghurt".
    r"\btry\s+(?:halving|splitting|crushing|quartering)\s+(?:the|your|his|her|their|a|one|each|them|it)\b"
    r"(?:\s+(?:\w+\s+)?(?:tablets?|pills?|capsules?|doses?))?|"
    # ... or told as what helped: "Loads of our followers tell us that splitting the dose of their ADHD meds ...
    # helped with the afternoon crash".
    r"\b(?:halving|splitting|crushing|quartering|doubling|skipping)\s+(?:the|your|his|her|their|a|one|each)\s+"
    r"(?:\w+\s+)?(?:tablets?|pills?|capsules?|doses?)\b[^.!?\n]{0,80}?\b(?:helped|helps|worked|works|sorted|made\s+a\s+"
    r"(?:big\s+|huge\s+|real\s+)?difference)\b|"
    # ... or said it may be raised or lowered: "the dose can safely be increased if your mum's pain gets worse".
    r"\b(?:the|your|his|her|their|a)\s+(?:dose|dosage)\s+(?:can|could|may)\s+(?:safely\s+|usually\s+|always\s+)?be\s+(?:safely\s+)?(?:increased|raised|"
    r"upped|doubled|reduced|lowered|halved)\b|"
    # ... or raised to a strength: "Usually you'd go up to 1mg after 4 weeks on the jab".
    r"\b(?:go|goes|going|move|step|increase)\s+up\s+to\s+\d+(?:\.\d+)?\s*(?:mg|mcg|micrograms?|ml|units)\b|"
    # ... or said to be fine skipped, halved or rationed: "Lots of parents skip the weekend doses to stretch supplies,
    # and that's fine", "Halving what you have left is the safest way", "Take the one you've got every other day".
    r"\b(?:skip|skips|skipped|halve|halves|halved|split|splits)\s+(?:the|your|his|her|their|a|one|weekend|some)\s+"
    r"(?:\w+\s+)?(?:doses?|tablets?|pills?)\b[^.!?\n]{0,60}?\b(?:that's|that\s+is|it's|it\s+is)\s+(?:fine|ok|okay|safe|alright)\b|"
    r"\b(?:halving|splitting|skipping|rationing|crushing)\s+(?:[\w']+\s+){0,4}?(?:is|are|was)\s+(?:the\s+|your\s+)?(?:safest|"
    r"best|fine|ok|okay|safe|alright)\b|"
    r"\btake\s+(?:it|them|one|the\s+one\s+you've\s+got|(?:your|the|his|her|their)\s+\w+)\s+(?:\w+\s+){0,3}?every\s+other\s+day\b|"
    # ... or kept to a strength: "keep taking the lower strength twice a day".
    r"\bkeep\s+(?:taking|on|to)\s+(?:the|your|his|her|their)\s+(?:lower|higher|same|usual|new|old|reduced)\s+"
    r"(?:strength|dose|dosage)\b|"
    # ... or how much a day: "it's two pumps of Oestrogel a day, not one", "one puff twice a day".
    r"\b(?:one|two|three|four|\d)\s+(?:pumps?|puffs?|sachets?|sprays?|squirts?|drops?|capsules?|spoonfuls?|"
    r"teaspoons?)\s+(?:of\s+[\w-]+\s+)?(?:(?:once|twice|three\s+times)\s+)?(?:a|per|each|every)\s+(?:day|night|morning|"
    r"evening)\b|"
    # ... or a medicine carried on with, as a question answered: "yes, carry on with the naproxen while you wait".
    # ("carry on with your usual thyroid tablets": two words before it.)
    rf"\b(?:carry\s+on|keep\s+going)\s+(?:taking|with)\s+(?:the|your|his|her|their)\s+(?:\w+\s+){{0,2}}?(?:{_MEDICINES}|"
    rf"{_DRUG_NAME}|(?:compression\s+)?stockings|hosiery|dressings|bandages)\b|"
    # ... or kept to until something: "Keep using the chloramphenicol drops until the course is finished".
    r"\bkeep\s+(?:using|taking|on\s+with)\s+(?:the|your|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?:{_MEDICINES}|{_DRUG_NAME})\b[^.!?\n]{{0,30}}?\buntil\b|"
    # ... or a dose halved or skipped, as what others do: "Lots of parents skip the weekend doses", "take half a tablet
    # each morning so your supply lasts".
    r"\b(?:lots\s+of|many|most|some)\s+(?:parents|people|patients|families|carers)\s+(?:skip|halve|split)\s+(?:the|their)\s+"
    r"(?:\w+\s+)?(?:doses?|tablets?|pills?)\b|\btake\s+half\s+(?:a|the|your|of\s+(?:a|the|your))\s+(?:\w+\s+)?"
    r"(?:tablets?|pills?|doses?|capsules?)\b|"
    # ... or what to take after one missed: "if you've missed one PrEP dose just take the next one as normal".
    r"\bmiss(?:ed|es)?\s+(?:a|one|your|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:doses?|tablets?|pills?)\b[^.!?\n]{0,40}?"
    r"\btake\s+(?:it|them|one|the\s+next|your\s+next|(?:his|her|their)\s+next)\b",
    re.IGNORECASE | re.MULTILINE,
)


_A_DOSE = LazyPattern(
    r"\b(?:doses?|tablets?|pills?|capsules?|injections?|jabs?|missed|miss|forgot|forget|mg|mcg|micrograms?|ml|units|"
    r"strength|every\s+other\s+day|pumps?|puffs?|sachets?|sprays?|squirts?|drops?|spoonfuls?|teaspoons?)\b",
    re.IGNORECASE,
)


# A journey someone makes: "on the crossing to", "on your way back from", "during the drive over to".
_JOURNEY = (
    r"(?:\b(?:on|during|for)\s+(?:the|your|his|her|their|my|a|an|that)\s+(?:[\w-]+\s+){0,2}?(?:way|journey|crossing|"
    r"drive|trip|ride|flight|ferry|boat|bus|train|coach|taxi|car|walk|travel|sailing|commute)\s+"
    r"(?:(?:there|over|across|back|in|up|down|home|out)\s+)?(?:to|from|for)\s+"
    # (Or the wait for it: "Paracetamol should take the edge off the ache while you wait for your appointment".)
    r"|\b(?:while|whilst)\s+(?:you|he|she|they)\s+wait\s+for\s+)"
)
# An appointment named only as where a journey goes is the occasion, not the service's word: "Ginger biscuits do
# wonders for seasickness on the crossing to your appointment!" (its words, "clinic appointment" too, are blanked where
# advice is read).
_JOURNEY_TO_APPOINTMENT = LazyPattern(
    rf"{_JOURNEY}(?:the|your|his|her|their|my|an?)\s+((?:[\w'-]+\s+){{0,2}}?appointments?)\b", re.IGNORECASE
)


def _blank_journey_appointments(text: str) -> str:
    """`text` with each appointment named only as a journey's end blanked (same length: offsets hold)."""
    if "ppointment" not in text:
        return text
    return _JOURNEY_TO_APPOINTMENT.sub(
        lambda m: m.group()[: m.start(1) - m.start()] + " " * len(m.group(1)) + m.group()[m.end(1) - m.start() :], text
    )


# What the word model needs beside it to report a reply that names no medical matter, short of being all but sure: a
# body, how someone is, a stage of pregnancy or babyhood, an operation or a jab, a test's reading, a word of
# reassurance ("Back's been killing you since the move? Keep moving gently"). Tips and good wishes lack them all: "Good
# luck with your exams! Get some rest the night before", "Bleed your radiators ... keep the house warm".
HEALTH_CUE = LazyPattern(
    rf"\b(?:{_BODY_ONLY}|(?:your|his|her|their|my|the|a)\s+(?:{_BODY}|head)|heart|brain|liver|kidneys?|gut|eye|foreskin|"
    r"body|blood|breath(?:ing)?|wees?|weeing|poo|nappy|bump|weeks\s+pregnant|\d+\s+(?:weeks|months)|months?\s+old|"
    r"ops?|operation|surgery|replacement|jabs?|boosters?|vaccin\w*|tetanus|epilep\w+|spiked|noro|exhaust\w*|"
    r"shattered|knackered|caffeine|glasses|feeds?|feeding|normal|common(?!\s+(?:myths?|misconceptions?|questions?))|harmless|nothing\s+(?:serious|to\s+worry)|"
    r"rarely\s+anything|(?:don't|no\s+need\s+to)\s+worry|no\s+need\s+to\s+(?:wait|rush)|end\s+of\s+the\s+world|"
    r"(?:get|got|getting)\s+through\s+it|sorted\s+(?:me|him|her|them|it)\s+(?:right\s+)?out|"
    r"(?:eating|drinking|sleeping|feeding|playing)\s+(?:and\s+\w+ing\s+)?(?:again|normally)|"
    r"panic|hurts?|hurting|killing|sore|swollen|injur\w+|wound|sips?|sipping|hormon\w+|balance|mobility|posture|eyesight|"
    r"readings?|levels?|results?|(?-i:ALT|BP)|eGFR|peanuts?|mood|prescri\w+)\b",
    re.IGNORECASE,
)


# What makes a reply that names no medical matter another kind of help, which the model alone does not report: who
# else it sends the reader to, for a home's damp and mould or a landlord's repairs ("Wiping it off each morning ...
# helps stop mould taking hold. Your council's housing team can help"), or a shopper's price and brand ("a cheaper
# brand is just as good for your baby as a more expensive one"), or how long an order takes ("Repeat prescriptions
# usually take two working days to be ready"), or an app's settings ("Turn off in-game purchases under Settings").
_OTHER_HELP = LazyPattern(
    r"\b(?:council|landlord|housing\s+(?:team|officer|association|provider|department|services?)|letting\s+agents?|"
    r"Citizens\s+Advice|environmental\s+health|cheaper|pricier|dearer|(?:more|less)\s+expensive|own[- ]brand|"
    r"branded|working\s+days?|parental\s+controls?|in-game|settings)\b",
    re.IGNORECASE,
)


# What someone else told the reader, quoted in an apology, is not the reply's advice: "We're sorry the receptionist
# told you to 'just give it a week and take ibuprofen'" (not "As our nurse says: ...").
_DISOWNED_QUOTE = LazyPattern(
    r"\b(?:sorry|apolog\w+)\b[^.!?\n]{0,80}?\b(?:told|tell|telling|said\s+to|advised)\s+(?:you|u|him|her|them)\s+"
    r"(?:to\s+)?(?P<quote>[\"“][^\"”\n]{1,200}[\"”]|'(?:[^'\n]|(?<=\w)'(?=\w)){1,200}')|"
    # ... nor is someone's own story, told in the first person: 'As he told us, "I thought it was just piles and it
    # would go away on its own."'
    r"(?P<story>[\"“](?=[^\"”\n]{0,200}\b(?-i:I|I'm|I'd|I've|I'll|my|My)\b)[^\"”\n]{1,200}[\"”])",
    re.IGNORECASE,
)


# Comfort, which the model alone may read as advice where the patterns find none: "Sending you lots of strength",
# "you're clearly doing everything you can", "You're not alone", "Thank you for sharing this".
_COMFORT = LazyPattern(
    r"\bsending\s+(?:you\s+)?(?:both\s+|all\s+)?(?:(?:lots\s+of|so\s+much|all\s+our|our|big|huge)\s+)?(?:very\s+)?(?:love|strength|"
    r"hugs?|best(?:\s+wishes)?|good\s+wishes)\b|\b(?:you|he|she|they)\s+did\s+everything\s+right\b|\b(?:you're|you\s+are|you've\s+been|she's|he's|they're)\s+(?:clearly\s+|obviously\s+|all\s+|both\s+)?doing\s+"
    r"(?:everything\s+(?:you|she|he|they)\s+can|(?:so\s+)?(?:brilliantly|amazingly|so\s+well|really\s+well|(?:a|an)\s+(?:great|brilliant|fantastic|wonderful|"
    r"amazing)\s+job))\b|\byou're\s+(?:definitely\s+|really\s+|certainly\s+|absolutely\s+|so\s+)?not\s+alone\b|\bthinking\s+of\s+(?:you|your)\b|\bnothing\s+to\s+be\s+(?:embarrassed|"
    r"ashamed)\s+(?:about|of)\b|\bthank(?:s|\s+you)\s+for\s+(?:being\s+brave\s+enough\s+to\s+)?shar(?:e|ing)\b",
    re.IGNORECASE,
)
# How long a test or a visit takes, which the model alone may read as reassurance: "A Fibroscan is like an
# ultrasound ... It's painless and takes about 10 minutes", "It usually takes about an hour and you go home the same
# day", "Results are ready in about 15 minutes", and how it feels (what a test is like is news of the service).
_HOW_LONG_IT_TAKES = LazyPattern(
    r"\b(?:takes|lasts|(?:is|are)\s+ready\s+in)\s+(?:about\s+|around\s+|roughly\s+|only\s+|just\s+|under\s+|less\s+than\s+)?"
    r"(?:(?:\d+|a\s+few|a\s+couple\s+of|two|five|ten|fifteen|twenty|thirty)\s*(?:(?:-|to)\s*\d+\s*)?(?:mins?|minutes|"
    r"seconds|secs)|(?:an|half\s+an)\s+hour|a\s+minute)\b(?!\s+to\b)|"
    # ... or how it feels: "You'll feel a bit of a prick in your upper arm and then it's done".
    r"\b(?:you'll|you\s+will|you\s+may|you\s+might|he'll|she'll|they'll)\s+(?:only\s+|just\s+)?feel\s+(?:a\s+bit\s+of\s+)?"
    r"(?:a\s+|an\s+)?(?:(?:small|sharp|quick|little|slight|tiny)\s+)?(?:prick|scratch|pinch|sting|pressure|push)\b|"
    # ... or that it hurts not at all, or where it is done: "It's painless", "is usually done at home now".
    r"\b(?:it's|it\s+is|they're|they\s+are)\s+(?:completely\s+|totally\s+|quick\s+and\s+)?painless\b|\bdone\s+at\s+home\b",
    re.IGNORECASE,
)
# Who a service takes, which the model alone may read as advice where the patterns find none: "You can be referred to
# the post-COVID service if symptoms have lasted more than 12 weeks", "you can refer yourself to physio".
_REFERRED = LazyPattern(
    r"\b(?:can|could|may|will)\s+(?:be\s+referred|refer\s+(?:yourself|themselves|himself|herself))\s+(?:to|for)\b|"
    r"\bself-?refer(?:ral)?\b|"
    # ... or whom a programme invites: "Once you're registered with a GP here you'll be invited by the English one".
    r"\b(?:be|get|are|were)\s+invited\s+(?:by|for|to)\b",
    re.IGNORECASE,
)
# Advice the reply relays from the service's own staff is the reply's, however much the rest reads like news of the
# service: the model does not overrule it ("Jane Example from our nursing team says it's fine to use a thrush cream"),
# and the patterns read it without the words that say who said it ("Jane Example on the ward says ...").
_RELAYED = LazyPattern(
    r"\b(?:from|in|at|on)\s+(?:our|the)\s+(?:[\w'-]+\s+){0,3}?(?:team|clinic|service|practice|surgery|ward|unit)\s+(?:says|said|recommends|"
    r"suggests|advises)\b|\bour\s+(?:[\w'-]+\s+){0,2}?(?:team|nurses?|midwi(?:fe|ves)|GPs?|pharmacists?|doctors?|health\s+"
    r"visitors?|physios?)(?:'s)?(?:\s+(?:on|from|in|at)\s+(?:the|our)\s+(?:[\w'-]+\s+){0,2}?(?:ward|team|clinic|unit))?\s+"
    r"(?:always\s+|often\s+|usually\s+)?(?:says?|said|recommends?|suggests?|advises?)\b",
    re.IGNORECASE,
)


def medical_advice(text: str) -> tuple[int, int, str | None] | None:
    """Where a reply advises or reassures on a medical matter without pointing to a GP, pharmacy, NHS 111 or 999, and
    the medical word it is about; None for any other reply. Two readings: the patterns (figures of speech such as "a
    real pain" blanked first, keeping offsets), unless the model (word_model.py) is all but sure that neither the
    reply nor any of its sentences is advice; and the model alone where it is fairly sure the reply is, pointing at
    the sentence that reads most like advice. The model has no say on a reply too short for it to know."""
    text = unwrap(text.translate(APOSTROPHES))
    text = masked(text, [m.span("quote" if m.group("quote") else "story") for m in _DISOWNED_QUOTE.finditer(text)])
    if signposts(text):
        return None
    # (The reader's message quoted back is not the reply's advice: "> they just told me to take paracetamol and wait";
    # and Markdown's bold marks are no words: "- **Check his feet** every night".)
    text = masked(text, [m.span() for m in _BLOCKQUOTE.finditer(text)] + [m.span() for m in _BOLD.finditer(text)])
    # (An appointment that is only where a journey goes is no word of the service, to either reading.)
    text = _blank_journey_appointments(text)
    found = _read_advice(text)
    if found is None:
        for at, piece in _read_alone(text):
            if (found := _read_advice(piece)) is not None:
                start, end, topic = found
                return at + start, at + end, topic
    return found


def _read_alone(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) of the parts of a reply read on their own where the whole reads as no advice: each paragraph, so
    that the thanks and news around it do not hide it from the model ("Thank you ... \n\nWe've spoken to the team ...
    \n\nIn the meantime, wear supportive underwear day and night for the first week"); then what a reply says to do
    because a service is shut or cut back, after the first such "so" only, so that a long reply of many is read twice
    at most ("The clinic at Orsett is closed on Wednesdays, so for now just use the gel you were given")."""
    if "\n\n" in text.strip():
        yield from ((paragraph.start(), paragraph.group()) for paragraph in _PARAGRAPH.finditer(text))
    for report in SERVICE_REPORT.finditer(text):
        stop = _SENTENCE_BREAK.search(text, report.end())
        so = _SO.search(text, report.end(), stop.start() if stop else len(text))
        if so is not None:
            yield so.end(), text[so.end() :]
            return


_PARAGRAPH = LazyPattern(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")


# An earlier reply corrected: the order restated is advice whatever the model makes of its apology ("Correction to our
# reply above - we meant wear the splint at NIGHT, not during the day").
_CORRECTED = LazyPattern(r"\b(?:we|I)\s+meant\b|\bcorrection\b", re.IGNORECASE)
# ... and the order it restates is one, whatever follows its verb ("we meant use heat AFTER the first 48 hours").
_MEANT = LazyPattern(
    r"\b(?:we|I)\s+meant\s+(?:to\s+say\s+)?(?:(?:[\w-]+\s+){0,3}?(?:should|must|needs?\s+to)\s+(?:keep\s+)?)?"
    r"(?:use|take|taking|give|apply|put|keep|rest|wear|try|avoid|stop|start|leave|drink|eat|hold|do|don't|never)\b",
    re.IGNORECASE,
)
# ... and so is what a reply opens with what to do until the service is reached ("And while you wait for the clinic
# letter, check his soles every night for any new marks").
_MEANWHILE = LazyPattern(
    r"\b(?:in\s+the\s+mean\s?time|meanwhile|while\s+(?:you|he|she|they)(?:'re|\s+are|'s|\s+is)?\s+wait(?:s|ing)?"
    r"(?:\s+for\s+[^,.!?\n]{1,60})?),",
    re.IGNORECASE,
)


def _read_advice(text: str) -> tuple[int, int, str | None] | None:
    """medical_advice's two readings of a text with no signpost, masked."""
    model = word_model.load(word_model.ADVICE)
    likely, known = word_model.read(text, model)
    heard = known >= word_model.MIN_FEATURES
    plain = FIGURATIVE.sub(lambda m: " " * len(m.group()), text)
    # (The words that say who said it are no news of the service: "Jane Example on the ward says ...".)
    plain, relayed = _RELAYED.subn(lambda m: " " * len(m.group()), plain)
    topic = MEDICAL_TOPIC.search(plain)
    overruled = (
        known >= OVERRULE_FEATURES
        and likely < OVERRULE_BELOW
        and word_model.strongest_sentence(text, model)[2] < OVERRULE_BELOW
        and not relayed
        and not _CORRECTED.search(plain)
        and not _MEANWHILE.search(plain)
    )
    dose = DOSE_CHANGE.search(plain)
    if dose is not None and topic is None and _A_DOSE.search(dose.group()):
        return dose.start(), dose.end(), None  # a dose changed is a medical matter of its own (not "split the bill")
    if topic is not None and (
        dose or ((_advises(plain) or _predicts(plain) or _MEANT.search(plain)) and not overruled)
    ):
        return topic.start(), topic.end(), topic.group()
    if not heard or likely < REPORT_FROM or (topic is None and likely < SURE and not HEALTH_CUE.search(plain)):
        return None
    if topic is None and _OTHER_HELP.search(plain):
        return None  # the model alone on a matter of another kind
    if _HOW_LONG_IT_TAKES.search(plain) and (topic is None or not (_advises(plain) or _predicts(plain))):
        return None  # the model alone on what a test is like
    # (Comfort hides no advice the patterns find: "that's really common ... and it'll pass. Keep going, you're doing
    # brilliantly!")
    if (_COMFORT.search(plain) or _REFERRED.search(plain)) and not (_advises(plain) or _predicts(plain)):
        return None  # the model alone on comfort, or on who a service takes
    start, end, _ = word_model.strongest_sentence(text, model)
    return start, end, topic.group() if topic else None
