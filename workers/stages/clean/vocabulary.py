"""Frozen vocabularies and precompiled patterns for page chrome. Nothing here names a site.

Every pattern is either anchored on a short line or a plain alternation of literals, so matching is
linear in the line length (no nested quantifiers).
"""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    # English
    "a about after again against all also am an and any are as at be because been before being "
    "between both but by can could did do does doing down during each few for from further had has "
    "have having he her here hers him his how i if in into is it its itself just me more most my no "
    "nor not now of off on once only or other our out over own said same says she should so some "
    "such than that the their them then there these they this those through to too under until up "
    "very was we were what when where which while who whom why will with would you your".split()
    # German, French, Spanish, Italian, Portuguese, Dutch: the commonest function words
    + "der die das und ist nicht sich mit auf für dem den des ein eine einer im zu von sie es "
    "le la les et est une des du dans pour qui que sur pas au aux avec ce il elle "
    "el los las y en por con para una del se lo su al como más "
    "il di che non per della un nel sono gli "
    "o os e em um uma não na no do da que "
    "de het een en van is dat op te zijn niet met voor".split()
)

# an ad slot's marker, the words of the marker lines below (one place for UI_LINE and AD_MARKER)
_AD_WORDS = (
    r"advertisement|advertising|advert|ads?|publicidad|anuncio|werbung|anzeige|publicité|pubblicità|advertentie|"
    r"sponsored(?: content| post| links?| stories)?|promoted(?: content| stories)?|paid (?:post|content)|"
    r"story continues(?: below)?(?: advertisement)?|article continues (?:below|after (?:this )?(?:ad|advertisement))|"
    r"scroll to continue(?: with content)?"
)
# the decoration an ad slot's marker carries in a text dump: "- Advertisement -", "-- ADVERTISEMENT --",
# "[ Sponsored ]", "*** Advertisement ***", "Advertisement - Scroll to continue"
_AD_DECOR = r"[-–—=*•·|~_\[(<>]"
_AD_CLOSE = r"[-–—=*•·|~_\])<>]"
_AD_DECORATED = (
    rf"{_AD_DECOR}+ ?(?:{_AD_WORDS})(?: ?[-–—:|·] ?(?:{_AD_WORDS}|continue reading(?: below)?))? ?{_AD_CLOSE}*|"
    rf"(?:advertisement|advertising|sponsored) ?[-–—:|·] ?(?:{_AD_WORDS}|continue reading(?: below)?) ?{_AD_CLOSE}*"
)
# a whole line that only marks an ad slot: never article text, not even when every extractor keeps it
AD_MARKER = re.compile(rf"^(?:{_AD_DECORATED}|(?:{_AD_WORDS}) ?{_AD_CLOSE}*)[.:!]?$", re.IGNORECASE)
# whole short lines that are interface vocabulary (menus, icons, buttons, ad slots)
# a table of contents' heading, bare: "Contents", "Table of contents", "In this article", "On this page"
# (an interface label in UI_LINE; the heading over a contents list in CONTENTS_HEADING)
_CONTENTS_LABEL = r"(?:table of )?contents|in this (?:article|story|post|guide)|on this page"
# a social-media embed's own labels, written into its markup: "View this post on Instagram", "A post shared
# by Name (@handle) on Apr 27, 2020 at 9:24am PDT"
_EMBED_LABELS = (
    r"view this (?:post|profile|photo|video|reel) on (?:instagram|facebook|tiktok|threads)|"
    r"a (?:post|photo|video|reel) shared by [^()\n]{1,60} ?\(@[\w.]{1,30}\)(?: on [\w ,:.]{4,40})?"
)
# a web video player's own text, which a dump of its markup holds (video.js's English interface strings, its
# lang/en.json): its modal dialogs' descriptions, a caption menu's items, its error messages
_PLAYER_TEXT = (
    r"this is a modal window\.?(?: this modal can be closed by pressing the escape key or activating the close button)?|"
    r"beginning of dialog window\. escape will cancel and close the window|end of dialog window|close modal dialog|"
    r"(?:captions|subtitles|descriptions) settings ?, opens (?:captions|subtitles|descriptions) settings dialog|"
    r"(?:captions|subtitles|descriptions) off ?, selected|default ?, selected|"
    r"no compatible source was found for this media|you aborted the media playback|"
    r"a network error caused the media download to fail part-way|"
    r"the media could not be loaded, either because the server or network failed or because the format is not supported|"
    r"the media is encrypted and we do not have the keys to decrypt it"
)
PLAYER_TEXT = re.compile(rf"^(?:{_PLAYER_TEXT})\.?$", re.IGNORECASE)  # lines.classify: longer than UI_LINE's lines
# the labels of a page's widgets that no article sentence is, whatever the extractors keep (run._never_rescued):
# a correction link, a like button's placeholder, a recipe card's buttons, a feedback widget, a pager, a poll's
# results link, a live blog's key-events filter, a release's slug, an interstitial's "continue reading below"
_WIDGET_LABELS = (
    # (each branch starts with a literal: fastmatch buckets the branches of UI_LINE by their first letter)
    r"report (?:a typo|an error|a correction|a problem)|like loading|jump to (?:the )?recipe(?: print recipe)?|"
    r"skip to (?:the )?recipe|print (?:the )?recipe|was this (?:article|page|story|post|information|content) (?:helpful|useful)\??|"
    r"did you find this (?:article|page|story|post|information|content) (?:helpful|useful)\??|"
    r"page \d{1,3} of \d{1,3}|previous page|next page|see results|view results|show results|"
    r"key events|show key events only|for immediate release|continue (?:reading|story) below|"
    # a podcast page's platform buttons, an e-mail newsletter's web-view link
    r"listen on (?:apple podcasts|spotify|google podcasts|amazon music|youtube(?: music)?|overcast|pocket casts|stitcher|"
    r"iheartradio|soundcloud|castbox|podcast addict)|view (?:this (?:email|e-mail|newsletter) )?in (?:your |a )?(?:web )?browser|"
    r"view (?:this (?:email|e-mail|newsletter) )?online|"
    # a nonprofit newsroom's republishing box heading
    r"republish this (?:article|story)|"
    # a live page's closing banner over what it posted: "This live coverage has ended. Read our full report here.",
    # "This live blog is now closed", "We've now closed this live blog"
    r"this live (?:blog|coverage|page|feed|stream) (?:has (?:now )?(?:ended|closed|finished)|is (?:now )?(?:closed|over|finished|"
    r"no longer being updated))(?:[.,;]? (?:you can |please )?(?:read|follow|see|find|get) [^.]{1,80})?|"
    r"we(?:['’]ve| have) (?:now )?(?:closed|ended|paused) (?:this|our) live (?:blog|coverage|page|feed)"
    r"(?:[.,;]? (?:you can |please )?(?:read|follow|see|find|get) [^.]{1,80})?|"
    # a social-media embed's own labels (_EMBED_LABELS)
    rf"{_EMBED_LABELS}|"
    # a web video player's own text (_PLAYER_TEXT)
    rf"{_PLAYER_TEXT}|"
    # a wire story's revision tag: "(Updates with union comment in fourth paragraph.)", "(Adds details)"
    r"\((?:updates|adds|recasts|corrects|rewrites|writes through|refiles)(?: with\b|,| throughout\b|"
    r" (?:details|comments?|quotes?|background|byline|dateline|prices|headline|figures|graphic|photos?|analysts?|shares|"
    r"spelling|typo|name|paragraph)\b)"
    r"[^()]{0,120}\)"
)
WIDGET_LINE = re.compile(rf"^(?:{_WIDGET_LABELS})(?:[.:!]|\.\.\.|…)?$", re.IGNORECASE)
# an embed's label alone on its line: chrome, but embeds sit inside the article, so a run of them (two embeds,
# a label and the post's date) must not end the article above its last paragraphs (lines.classify scores them low)
EMBED_LABEL = re.compile(rf"^(?:{_EMBED_LABELS})[.:!]?$", re.IGNORECASE)
UI_LINE = re.compile(
    rf"^(?:{_AD_WORDS}|{_AD_DECORATED}|continue reading(?: below| the main story)?|"
    r"share|shares|share this(?: article| story| page| post)?|share on \w+|share via \w+|tweet|pin(?: it)?|"
    r"e-?mail|print|facebook|twitter|x|whatsapp|linkedin|reddit|telegram|pinterest|instagram|youtube|"
    r"copy|copy code|copy link|link copied|save|saved|save (?:this )?(?:article|story)|bookmark|"
    r"gift (?:this )?(?:article|story)|\d{1,3} min(?:s|utes?)?(?: listen)?|follow(?: us)?(?: on [\w ]{1,30})?|(?:join|find|like) us on [\w ]{1,30}|like|reply|report|"
    r"related(?: articles| stories| news| content| topics| posts| links| coverage)?|read more|read next|"
    r"more(?: stories| news| articles| from [\w .'’-]{1,40})?|recommended(?: for you| stories| reading)?|"
    r"you (?:may|might) also (?:like|be interested in)|most (?:read|popular|viewed|shared|watched)|"
    r"trending(?: now| photos| videos| stories| news| topics)?|top (?:stories|news|videos)|"
    r"latest(?: news| stories| videos| updates)?|breaking(?: news)?|editor(?:['’]?s|s['’])? picks?|popular(?: now)?|"
    r"don['’]?t miss|see also|also read|watch(?: now| live| video)?|live(?: tv| now| updates| blog)?|"
    r"videos?|photos?|pictures?|gallery|photo gallery|image \d+ of \d+|\d+ of \d+|"
    r"skip to (?:main )?content|skip navigation|menu|main menu|navigation|home|homepage|search(?: for| this (?:site|website|blog))?|close|"
    r"open|back to top|next(?: article| story)?|previous(?: article| story)?|prev|load more|show more|"
    r"wait \d{1,2} seconds? to continue|now (?:watching|playing)|"  # a video player's countdown and label
    r"sign ?in|log ?in|sign ?up|log ?out|register|subscribe(?: now)?|account|my account|profile|please (?:sign|log) ?in|"
    # a widget's status message: "Rating failed. Try again.", "There was a problem. Please refresh the page and try again."
    r"(?:something went wrong|(?:rating|request|loading|upload|submission) failed|there was (?:a|an) (?:problem|error))"
    r"(?:[.!,]? (?:please )?(?:refresh the page and )?try again(?: later)?)?|"
    r"newsletters?|podcasts?|opinion|world|business|sports?|politics|tech(?:nology)?|entertainment|"
    r"health|science|lifestyle|travel|weather|local|national|international|markets?|"
    r"listen(?: to (?:this )?(?:article|story))?|\d+ min(?:ute)?s? read|(?:estimated )?reading time:? .{0,20}|(?:views|hits):|"
    r"toggle (?:navigation|menu)|expand|collapse|loading\.*|view (?:all|more|gallery)|"
    # a widget's loading status, a few words before an ellipsis: "Loading comments...", "Loading ..."
    r"loading ?(?:[\w-]+ ){0,2}[\w-]* ?(?=\.\.\.$|…$)|"
    r"en|fr|de|es|english|español|français|deutsch|edition|select edition|"
    r"tags?:?|topics?:?|filed under:?|categories:?|posted in:?|click to (?:enlarge|expand|play)|"
    r"enlarge (?:this )?image|(?:hide|show|toggle) caption|expand image|play video|"
    r"[\d.,]+k? (?:shares?|likes?|views?|comments?|reactions?)|font size|text size|a ?a ?a|"
    r"about the author|more on this (?:story|topic)|related internet links|accessibility(?: help)?|"
    r"notifications|" + _CONTENTS_LABEL + r"|jump to(?: section)?|"
    r"send flowers|share a memory|sign (?:the|our) guest ?book|view all entries|plant a tree|" + _WIDGET_LABELS + "|"
    r"(?:release|publication|publish|post|posting) date|date (?:posted|published)|rss(?: feed)?)(?:[.:!]|\.\.\.|…)?$",
    re.IGNORECASE,
)
# the labels that lead a link to another story ("Read more: ...", "ALSO READ | ..."), read by UI_PREFIX and TEASER_LINK
LINK_LABELS = ("read more", "also read", "read also", "see also",
               "lesen sie auch", "lesen sie mehr", "mehr zum thema", "lesen sie hier", "mehr",  # de
               "à lire aussi", "lire aussi", "voir aussi",  # fr
               "lee también", "lea también", "leer también", "puedes ver", "mira también",  # es
               "leggi anche",  # it
               "leia também", "veja também",  # pt
               "lees ook",  # nl
               "czytaj też", "czytaj także", "czytaj również", "zobacz też", "zobacz także")  # pl
# ... with the site that holds the other story, its name capitalised: "Read more on Example News:", "See also at Example |"
_LINK_SITE = r"(?: (?:on|from|at) (?-i:[A-Z0-9])[^:|.!?]{0,40})?"
# a label heading followed by a link list, e.g. "Tags: NATO, Russia", "Read more: ..."
UI_PREFIX = re.compile(
    r"^(?:tags?|topics?|filed under|categories|posted in|(?:" + "|".join(LINK_LABELS) + r")" + _LINK_SITE + r"|"
    r"related|recommended|watch|listen|more on this|more about|more(?=\s*[:|])|"
    r"main articles?|further information|"  # a wiki's hatnotes
    r"(?:read (?:or|and) )?share(?: this)?(?: story| article| post)?)\s*[:|»›>–—-]\s*\S",
    re.IGNORECASE,
)
# a teaser link inside the article: a label, a colon or bar, another story's headline ("MORE: Port city weighs
# new ferry link", "READ MORE: ...", "ALSO READ | ..."): never the article's text, even when every extractor
# keeps it (run._never_rescued)
TEASER_LINK = re.compile(
    r"^(?:(?:" + "|".join(LINK_LABELS) + r")" + _LINK_SITE + r"|related(?: stories| articles| coverage)?|more)\s*[:|]\s*\S",
    re.IGNORECASE,
)
# a teaser's summary with its link's label run on at the end ("... the findings could offer new treatments.
# Read now", "... a university degree in history was David Granger.... more"): a dump joins a card's summary
# and its link, which no paragraph of an article ends with (lines.classify)
TEASER_TAIL = re.compile(
    r"(?:(?:[.!?…”\"’)]|\.\.\.) ?(?:read (?:now|more|on|the full (?:story|article))|continue reading|full story)"
    r"|(?:\.\.\.|…) ?more) ?(?:[»›→>]|\.\.\.|…)?$",
    re.IGNORECASE,
)
COMMENT_PROMPT = re.compile(
    r"^(?:no comments?|post a comment|leave a (?:comment|reply)|add (?:a |your )?comments?|"
    r"comments?(?: \(\d+\)| \d+)?|\d+ comments?|be the first to comment.{0,40}|"
    r"join the (?:conversation|discussion)|view (?:\d+ )?comments|show comments|hide comments|"
    r"write a comment|(?:log|sign) ?in to (?:post a |leave a |add a )?(?:comment|reply).{0,40}|you must be logged in.{0,80}|"
    r"(?:sorry,? )?we can(?:no|['’])?t load (?:the )?comments.{0,40}|"
    r"comments are closed|comment(?:ing)? is (?:closed|disabled)|newer posts?|older posts?|"
    r"subscribe to: post comments.{0,20}|what do you think\??|have your say|"
    r"share your (?:thoughts|views)|conversation|guest ?book(?: \(\d+(?: entries| comments)?\))?|"
    r"\d+ (?:guest ?book )?entries|condolences(?: \(\d+\))?|"
    r"discussion about this (?:post|article|story|episode)|"
    # an invitation to comment closing the article, after its question or alone: "Which town would you add? Tell
    # us in the comments.", "Let us know what you think in the comments below"
    r"(?:what|which|who|how|where|why|would|will|have|do|did|are|is|should)\b[^?\n]{0,70}\? "
    r"(?:tell|let) us(?: know)?(?: what you think)? in the comments?(?: below| section)?|"
    r"(?:tell|let) us(?: know)?(?: what you think)? in the comments?(?: below| section)?|"
    # the German invitation, before its question or alone: "Verraten Sie uns in den Kommentaren: …?",
    # "Schreibt es gerne in die Kommentare!"
    r"(?:verrat(?:en sie|et)|schreib(?:en sie|t)|sag(?:en sie|t)|erzähl(?:en sie|t))(?: es)?(?: uns)?(?: gerne)? "
    r"in (?:den kommentaren|die kommentare)(?:: [^?\n]{1,90}\?)?)(?:[.:!]| ?[»›→])?$",
    re.IGNORECASE,
)
# the heading over a blog's comments that counts them and may echo the post's title (WordPress and
# blog themes): "11 responses to “Title”", "5 thoughts on “Title”", "One thought on “Title”",
# "{ 38 comments… read them below or add one }", "24 comments:"; a hard end of the article
COMMENT_COUNT_HEADING = re.compile(
    r"^[{(\[]?\s*(?:there (?:are|is|were|was) )?(?:\d{1,5}|no|one|two|three|four|five|six|seven|eight|nine|ten) "
    r"(?:comments?|responses?|repl(?:y|ies)|thoughts?|reactions?)"
    r"(?: (?:on|to|for|about) [“\"‘'«].{1,200}|\s*(?:…|\.\.\.)[^.!?]{0,60}|:)?\s*[})\]]?$",
    re.IGNORECASE,
)
# a line of a post's footer under the article: the tags/category row, the previous/next post links,
# an author box's tabs ("Author", "Recent Posts", "Latest posts by Jane Doe"); prose after it is the
# footer's (a bio, a form's instructions, a disclaimer), not the article's
POST_FOOTER = re.compile(
    r"^(?:[*•-] )?(?:(?:tags?|topics?|categor(?:y|ies)|filed under|posted in)\s*:.*|"
    r"[«‹<←]?\s*(?:previous|prev|older)(?: post| article| story)?\s*[|/·•]?\s*(?:next|newer)(?: post| article| story)?\s*[»›>→]?|"
    r"author|recent posts|about the author|latest posts by .{1,40}|view all posts by .{1,40}|more (?:posts|articles|stories) by .{1,40})$",
    re.IGNORECASE,
)
# what makes a line that names cookies the site's notice to its reader, not prose about cookies ("some
# browsers do not send third-party cookies by default"): the site speaking, a consent, a policy or setting
COOKIE_CONTEXT = re.compile(
    r"\b(?:we(?: and our partners)? use|(?:this |our )?(?:site|website|page|app) uses|uses cookies|use of cookies|"
    r"(?:cookie|privacy) (?:policy|settings|preferences|notice|statement|choices)|privacy (?:&|and) cookies|"
    r"accept(?:ing)?(?: all| \w+)? cookies|by (?:continuing|using|clicking|browsing|staying|accepting)|"
    r"you (?:agree|consent|accept)|(?:manage|change) (?:your )?(?:cookie|preferences|settings)|privacy policy|consent)\b",
    re.IGNORECASE,
)
PROMO = re.compile(
    r"\b(?:sign up (?:for|to)|subscribe (?:to|for|now|today)|newsletters?\b|stay informed|"
    r"get the latest|latest news|breaking news (?:updates|alerts)|download (?:our|the) app|"
    r"follow us|follow all the|like us on|turn on (?:push )?notifications|on your browser|"
    r"(?:in|to) your inbox|click here|already a (?:subscriber|member)|support (?:our|independent) journalism|"
    r"become a (?:member|subscriber)|free trial|unlimited access|subscribers only|"
    r"for (?:exclusive|subscriber)|terms of (?:use|service)|privacy policy|"
    r"don['’]?t miss (?:a|any|out)|get (?:our|the) (?:free )?app|available on the app store|"
    r"real-time (?:news|updates)|notifications? (?:on|for)|got a (?:story|news tip|tip)\b|"
    r"send us (?:your )?(?:news |story )?tips|(?:email|contact|call) us (?:at|on)\b|"
    r"be the first to (?:know|hear|find out)\b|feedback (?:at|to) [\w.+-]+@[\w-]+\.\w|"
    r"send me (?:an? )?(?:e-?mails?|updates|notifications|new posts)\b|(?:sign up|subscribe|register) here\b|"
    r"(?:add|put) (?:(?:all )?(?:the |these )|all )?(?:ingredients|items|products) (?:to|in) your (?:shopping )?(?:basket|cart|bag)\b|"
    # a recipe card's call: "Did you make this recipe? Tag @example on Instagram!"
    r"did you (?:make|try|bake|cook) this recipe\?|\btag @[\w.]+ (?:on|in) (?:instagram|twitter|x|facebook|tiktok|pinterest)\b)",
    re.IGNORECASE,
)
# a promo addresses the reader: an imperative first word or a you/our pronoun
PROMO_IMPERATIVES = frozenset(
    "stay sign subscribe get follow download click join like support become don never read watch listen "
    "register try enjoy tap turn find discover check want already for install signup send be".split()
)
READER_PRONOUNS = frozenset("you your yours our us we".split())
# a copyright or reproduction notice (lines.classify tries it on lines of 300 characters at most and
# only when a word of lines._COPYRIGHT_TRIGGERS is in the line: every phrase here holds one)
COPYRIGHT = re.compile(
    r"(?:^(?:©|\(c\)|copyright\b)|all rights reserved|this material may not be|"
    r"may not be (?:published|reproduced|redistributed), broadcast|"
    r"^(?:this|the|all|our) (?:document|article|content|material|page|story|website|site|text|images?|photos?)s? "
    r"(?:on this (?:site|website|page) )?(?:is|are) (?:protected by|subject to) copyright\b|"
    r"\b(?:is|are) the copyrighted (?:property|material|work) of\b|"
    r"\bno part (?:of (?:this|these|the) [\w ]{1,40} )?may be (?:reproduced|republished|reprinted|copied)\b|"
    r"\b(?:may|must|shall|can) not be (?:reproduced|republished|reprinted|copied|redistributed)\b[^.]{0,60}\bwithout\b[^.]{0,30}\bpermission\b|"
    r"^written permission (?:must be obtained|is required) (?:before|to|for) (?:any )?(?:reprint|reproduc|republish|copy|use))",
    re.IGNORECASE,
)
# photo-gallery controls inside an article ("1 of 12", "Next", "Previous"): chrome, but a gallery between the
# lead and the rest of the story must not cut the article in two, so they cost the run little (lines.classify)
GALLERY_CONTROL = re.compile(
    r"^(?:(?:(?:image|photo|picture|slide)\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}|next|previous|prev|"
    r"(?:view|open|see|launch) (?:the )?(?:full )?gallery)$",
    re.IGNORECASE,
)
# a site's standing notice inside the page text, not the article's: spam-filter and browser notices,
# push-notification prompts, newsletter reassurances, affiliate disclosures, letters and comment policies
SITE_NOTICE = re.compile(
    r"\b(?:protected by recaptcha|browser version with limited support|(?:update|upgrade) your browser|"
    r"(?:enable|turn on) javascript|javascript is (?:disabled|required|turned off)|"
    r"would like to send you (?:push )?notifications|no spam,? (?:we promise|ever)|"
    r"(?:you can|you may|feel free to) unsubscribe (?:at any time|anytime)|"
    r"we(?:'ll|’ll| will) never share your (?:details|email|e-mail|information|data)|"
    r"(?:we|i) (?:may )?(?:earn|receive|get|make) (?:an? )?(?:small )?(?:affiliate )?commissions?\b|"
    r"(?:post|page|article|site|review)(?: and [\w ]{1,30})? (?:may )?contains? affiliate links|"
    r"advertisers do not influence|we may (?:receive|earn|get) compensation|(?:advertising|advertiser|affiliate) "
    r"(?:disclosure|disclaimer)|not (?:provided|commissioned|reviewed) by the (?:bank )?advertiser|"
    r"subscription will auto(?:matically)?[- ]?renew|instant access to the full (?:article|issue|text)|"
    r"(?:submit|send|write) (?:a |your )?letters? to the editor|"
    r"comments (?:are|will be|may be) (?:moderated|reviewed)|we welcome (?:reader |your )?comments|"
    r"(?:commenting|comments?)(?: feature| section)? (?:is|are|has been|have been) (?:disabled|closed|turned off)\b|"
    r"^disclaimer\s*(?:\([^)]{0,80}\))?\s*:|delivered (?:straight |right |directly )?to (?:your|their) inbox(?:es)?\b|"
    r"participant in the amazon services llc associates program|earn (?:advertising )?fees by (?:advertising and )?linking to|"
    r"(?:is|are) (?:published|licensed|available) under (?:a|the) creative commons|"
    # a contributors' disclaimer: "NOW Grenada is not responsible for the opinions, statements or media content presented by contributors"
    r"^(?-i:[A-Z][\w.&'’-]*)(?: (?-i:[A-Z][\w.&'’-]*)){0,4} (?:is|are) not responsible for (?:the )?"
    r"(?:opinions|views|content|statements|comments)\b[^.]{0,80}\b(?:contributors|users|readers|commenters|third parties)|"
    # a corrections policy: "If you are aware of an inaccuracy or would like to report a correction, ..."
    r"if you (?:are aware of|find|spot|see|notice) an? (?:inaccuracy|error|mistake|typo)\b[^.]{0,60}\bcorrection|"
    r"(?:would like to|want to|wish to) (?:report|request|submit) a correction|"
    # an opinion page's disclaimer: "The views expressed in this column are the author's own and do not necessarily reflect ..."
    r"\bviews (?:and opinions )?expressed (?:in this|here|by|on this|in the)\b[^.]{0,80}\b(?:(?:are|is) (?:(?:those of )?the (?:author|writer|contributor)['’]?s?|(?:their|his|her) own)|do not necessarily (?:reflect|represent))|"
    # a health page's disclaimer: "... is not a substitute for professional medical advice"
    r"\bnot (?:intended (?:as|to be) )?an? (?:substitute|replacement) for (?:professional )?(?:medical |legal |financial )?(?:advice|diagnosis|treatment)\b|"
    # a newsletter platform's pitch: "... is a reader-supported publication. To receive new posts and support my work, ..."
    r"\breader-supported publication\b|\bto receive new posts and support (?:my|our) work\b|"
    # "You may republish this story for free under a Creative Commons license."
    r"\brepublish (?:this|our) (?:article|story|stories|articles)\b[^.]{0,80}\bcreative commons\b|"
    # an e-mail newsletter's footer; a machine transcript's caveat
    r"\byou(?:['’]re| are) receiving this (?:email|e-mail|newsletter|message)\b|"
    r"\btranscripts? (?:was|were|is|are|has been) (?:generated|produced|created) (?:automatically|by (?:a )?(?:machine|computer|ai|software))\b|"
    # a press release's media contact line: "Contact: Jane Doe, 555-201-4430, jdoe@example.gov"
    r"^(?:media |press |news )?contacts?\s*:\s*.{0,80}?(?:@[\w-]+\.\w|\(?\d{3}\)?[-.\s]\d{3}[-.\s]\d{4}))",
    re.IGNORECASE,
)
# a journalist's bio line, e.g. "Jane Doe is a reporter covering ..."
# a bio's subject: a name of 2-4 words, capitalised or a name particle ("Ana de Vries", "Luca di Marco")
_BIO_NAME = r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|del|della|der|di|van|von|da|dos|du|bin|ibn)){1,3}"
AUTHOR_BIO = re.compile(
    rf"^{_BIO_NAME} (?:is|was|has been|covers|writes)\b[^\n]{{0,120}}?"
    r"\b(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|"
    r"author|bureau chief|staff writer|based in)\b",
)
# a bio without a role word ("Jane Doe covers farming for the paper") or a reach-the-author line
AUTHOR_BIO_VERB = re.compile(
    rf"^{_BIO_NAME} (?:covers|reports on|writes about|"
    # "Jane Doe is an economist and writes about ...", "... is a lawyer who writes on ..."
    r"(?:is|was) (?:an?|the) [\w'’ -]{1,60}? (?:and|who) (?:writes|reports|blogs) (?:about|on|for)\b)"
)
# what a contributor's bio under an article says about its subject (bylines._closing_bio)
BIO_WORDING = re.compile(
    r"\b(?:(?:co-?)?founder|principal|consultant|freelance|author of|editor|writer|journalist|columnist|blogger|"
    r"contributor|lives (?:in|with)|holds an?|graduated? (?:from|of)|(?:his|her|their) (?:work|writing) has appeared|"
    r"(?:has|have) (?:covered|written|reported)|expert|former)\b",
    re.IGNORECASE,
)
# a reach-the-author line: "Reach her at jdoe@example.com", "Contact Jane Doe at jdoe@example.com or follow her on X @jdoe"
AUTHOR_CONTACT = re.compile(
    r"\b(?:reach|contact|email|e-mail|write to) (?:him|her|them|me)\b[^\n]{0,80}@|"
    r"^(?:reach|contact|email|e-mail|write to) (?-i:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}) (?:at|via|on) [\w.+-]+@[\w-]+\.",
    re.IGNORECASE,
)
# an editor's note set over the lead: "This story has been corrected to show ...", "Editor's note: ...",
# "CORRECTION: ...", "Clarification — ..." (the article's text, kept; the dateline is on the paragraph under it)
EDITORS_NOTE = re.compile(
    r"^(?:(?:editor['’]?s|publisher['’]?s) note|corrections?|clarifications?|updates?)\s*[:—–]\s*\S|"
    r"^(?:this|the) (?:story|article|report|post|piece|version) (?:has been|was|is) (?:corrected|updated|clarified|changed|amended)\b|"
    # a translation note: "This article was translated from Spanish.", "This story was originally published in
    # French and translated by ..."
    r"^(?:this|the) (?:story|article|report|post|piece|interview|column) (?:has been|was|is) (?:originally )?"
    r"(?:translated|adapted) from (?:the )?(?-i:[A-Z])\w+\b|"
    r"^(?:this|the) (?:story|article|report|post|piece|interview|column) was (?:originally |first )?(?:published|written) in "
    r"(?-i:[A-Z]\w+)(?: and (?:has been )?translated\b| by\b|[.,])",
    re.IGNORECASE,
)
# the end of a press release or wire story: "###", "# # #", "-30-", "- ENDS -"
END_OF_COPY = re.compile(r"^(?:#{3,}|# # #|-+ ?30 ?-+|-* ?ends ?-*)$", re.IGNORECASE)
# the top-level domains a news site's name ends with ("example.com", "example.co.uk" also takes the country code
# after "co"): one table for both domain rules (BARE_DOMAIN here, metadata.authors' "the site, not an author")
SITE_TLDS = ("com", "org", "net", "co", "io", "news", "info", "tv", "gov", "edu")
# country-code domains a site's name can end with alone ("example.de")
COUNTRY_TLDS = ("uk", "au", "ca", "de", "fr")
_ANY_TLD = "(?:" + "|".join(SITE_TLDS + COUNTRY_TLDS) + ")"
# a line that is only a site's domain ("EXAMPLENEWS.COM", "www.example.org"): the source credit of copied text
BARE_DOMAIN = re.compile(r"^[a-z0-9-]{2,40}(?:\.[a-z0-9-]{2,40}){0,2}\." + _ANY_TLD + r"(?:\.[a-z]{2})?/?$", re.IGNORECASE)
# a site's domain inside a name ("Phys.org"), also with the dot lost to a space at the end ("EXAMPLENEWS COM")
# (only the three generic ones after a space: "Emily Co" is a name)
DOMAIN_IN_NAME = re.compile(r"\w\." + _ANY_TLD + r"\b|\w\s(?:com|org|net)$", re.IGNORECASE)
# an "About <Organisation>" boilerplate heading (press releases): a proper name, no sentence
ABOUT_SECTION = re.compile(r"^About (?:the )?[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|of|and|for|&|the|de|du|la)){0,6}$")

ICONISH = re.compile(r"icon|chevron|glyph|svg|sprite", re.IGNORECASE)

# wire services and picture agencies a photo credit names ("Jane Doe/AP", "(Reuters photo)", "AFPThe minister ..."):
# one table for every credit rule here and metadata.has_caption_trigger; a longer name before its prefix
PHOTO_AGENCIES = ("AP", "AFP", "EPA", "UPI", "PA", "DPA", "ANP", "AAP", "IANS", "PTI", "ANI", "Reuters",
                  "Getty Images", "Getty", "Xinhua", "Bloomberg", "Shutterstock", "Alamy", "Corbis")
_AGENCY = "(?:" + "|".join(PHOTO_AGENCIES) + ")"

# captions and photo credits; _CREDITED: who a credit names, capitalised words ("Northside Rowing Club", "@jdoe")
_CREDITED = r"(?:the )?(?-i:[A-Z@][\w.'’&@-]*(?: (?:[A-Z@&][\w.'’&@-]*|of|the|and|for|de|van|von|on)){0,7})"
PHOTO_CREDIT = re.compile(
    r"(?:\(" + _AGENCY + r"?\s*(?:photo|image|picture|file|credit)s?\b[^)]{0,80}\)|"
    r"^(?:photo|image|picture|file photo|credit|photograph|video|caption)\s*(?::|/|credit\b)|"
    r"^(?:media|image|video|photo) (?:caption|copyright)\s+\S|"  # "Media caption Drone footage shows ..." (a label glued on)
    r"^(?:photo|image|picture|photograph|illustration)s? by [\w.'’ -]{1,40} on (?:unsplash|pexels|pixabay|flickr)$|"
    r"\b(?:photo|photograph|image|picture)(?: credit)?\s*:\s*\S|\bgetty images\b|\bshutterstock\b|"
    r"\b(?:photo|image|picture)\s*/\s*[A-Z]|/\s*" + _AGENCY + r"(?: files?)?\s*$|"
    # "... his competitive rise. Photo via Northside Rowing Club", "Courtesy of River Press": the credit closes the line
    r"(?:^|[.!?”\"] |\s[-–—|] ?)(?:photo|photograph|image|picture|video)s? (?:via|courtesy(?: of)?|by) " + _CREDITED + r"\.?$|"
    r"^(?:(?:photo|image|picture)s? )?courtesy(?: of)? " + _CREDITED + r"\.?$)",
    re.IGNORECASE,
)
# a photo credit that closes the line: "(Photo: Jane Doe/Example Gazette)", "Photo: Jane Doe", "Jane Doe/AP",
# "(Jane Doe/Reuters)", "Getty Images"; a caption that ends with one is a caption even when it quotes words
# (a banner's, a nickname: metadata.is_caption)
# a photographer/outlet credit closing a caption: "... on Monday. (Jane Doe/The Daily Courier)"
PAREN_CREDIT = re.compile(r"\((?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) ?/ ?[A-Z][\w.'’&-]*(?: [\w.'’&-]+){0,4}\)$")
CLOSING_CREDIT = re.compile(
    r"(?:\((?:" + _AGENCY + r" )?(?:photo|image|picture|credit)s?\b[^()]{0,80}\)|"
    r"\b(?:photo|image|picture|photograph)(?: credit)?\s*:\s*[^.!?\"“”()]{1,60}|"
    r"/\s*" + _AGENCY + r"(?: files?)?|\bgetty images|"
    + PAREN_CREDIT.pattern.removesuffix("$") + r")\s*[.\])]?$",  # (Jane Doe/The Daily Courier)
    re.IGNORECASE,
)
# one of these is in every CLOSING_CREDIT match, lower-cased (each branch needs a photo word, "credit", "getty"
# or a slash: tests/unit/test_clean_speed.py): a line without one is not searched (metadata.is_caption)
CLOSING_CREDIT_LITERALS = ("/", "photo", "image", "picture", "credit", "getty")
# an all-capitals credit closing a caption after its sentence: "... in Las Croabas. By U.S. CUSTOMS AND BORDER
# PROTECTION", "... on Monday. Photo by JANE DOE" (a standfirst never ends with one)
CAPS_CREDIT_TAIL = re.compile(r"[.!?”\"] (?:(?:photo|photograph|image|picture)s? )?by (?-i:[A-Z][A-Z.'’&-]+(?: [A-Z][A-Z.'’&-]*){0,7})$", re.IGNORECASE)
# weaker caption wording, trusted only before the lead paragraph
PHOTO_WORDING = re.compile(r"\bfile (?:photo|picture)\b|\bin this (?:file )?(?:photo|image|picture)\b|\bpictured\b", re.I)
POSITIONAL = re.compile(
    r"(?:[,(]\s*(?:(?:far|center|centre|second|third|top|bottom|front|back|middle)\s+)?"
    r"(?:from\s+)?(?:left|right|center|centre|l|r|c)\s*(?:[,)]|$)|\bfrom (?:left|right)\b)",
    re.IGNORECASE,
)
# a wire-service credit glued to the caption's first word: "APJane Doe ...", "AFPThe minister ..."
GLUED_CREDIT = re.compile(r"^(?:" + "|".join(PHOTO_AGENCIES) + r"|[A-Z]{2,5}/[A-Z]{2,8})(?=[A-Z][a-z])")

# section headings after which the article is over (comments, related links, footers)
END_MARKER = re.compile(
    r"^(?:related(?: articles| stories| news| content| coverage| posts| topics| internet links)?|"
    r"more (?:stories|news|articles|from .{1,40})|more on this (?:story|topic)|"
    r"recommended(?: for you| stories)?|you (?:may|might) also (?:like|be interested in)|"
    r"most (?:read|popular|viewed|shared)|trending(?: now| stories| news)?|top stories|latest(?: news| stories)?|"
    r"comments?(?: \(\d+\))?|\d+ comments?|no comments?|post a comment|leave a (?:comment|reply)|"
    r"about the author|about us|contact us|follow us|share this(?: article| story)?)[.:!]?$",
    re.IGNORECASE,
)

# the word that sets a byline's name off inside a header line, and the "posted"/"written" verbs that may stand
# before it, one row per language (language, verbs, word): "Posted on May 4, 2020 by Jane Doe", "29. Juni 2017 ·
# von Tobi", "Publicado por Ana Ruiz", "01. Dez. 2022 | 14:08 Uhr | von Jona Roe" (metadata._BY_INSIDE; the
# same words open a byline line in metadata._BYLINE). Not Dutch "door": inside a line it is the English noun
# ("Idea #4: Utilize Door Space")
HEADER_BYLINE_WORDS: tuple[tuple[str, str, str], ...] = (
    ("en", "posted written published", "by"),
    ("de", "eingestellt geschrieben veröffentlicht verfasst erstellt", "von"),
    ("fr", "publié écrit rédigé", "par"),
    ("es, pt", "publicado escrito", "por"),
    ("pl", "opublikowane napisane", "przez"),
)
# an outlet's newsroom named as a page's author in its header, in place of a person's name, one row per language
# (language, words): "Redaktion - 3. Mai 2022", "Redakcja, 03.05.2022" (metalines._name_then_date: a desk's
# byline before its date). Not English "Staff": a section's label as often ("Staff | March 3, 2024")
DESK_BYLINES: tuple[tuple[str, str], ...] = (
    ("de", "redaktion"),
    ("fr", "rédaction"),
    ("es", "redacción"),
    ("it", "redazione"),
    ("nl", "redactie"),
    ("pl", "redakcja"),
)
DESK_BYLINE_WORDS = frozenset(w for _, words in DESK_BYLINES for w in words.split())
# the words after a header byline's name that end it, one row per language (language, words): a date's label
# ("By Jane Doe Last updated Nov 8, 2023", "von Jana Roe Erstellt am 3. Mai 2021", "von Jana Roe Vom 3. Mai"),
# a category's label ("von Jana Roe Kategorien: Allgemein") (metadata._BY_NAME_TAIL)
BYLINE_NAME_TAILS: tuple[tuple[str, str], ...] = (
    ("en", "updated modified published posted"),
    ("de", "veröffentlicht erstellt aktualisiert geändert vom kategorie kategorien"),
    ("fr", "publié modifié"),
    ("es, pt", "publicado actualizado atualizado"),
)
# what joins a byline's name to the date or time after it, one row per language (language, words): "By Jane
# Doe on 4 May 2020", "von Jana Roe am 21. April 2020", "por Ana Ruiz el 5 de mayo", "par Jean Roe le 3 mars"
# (metadata._BY_TAIL: a digit must follow the word)
BYLINE_DATE_JOINERS: tuple[tuple[str, str], ...] = (
    ("en", "on at"),
    ("de", "am um"),
    ("fr", "le à"),
    ("es, pt", "el em"),
)
# an author box's label with the author's name on one line: "About the Author - Florina Ionescu"
AUTHOR_BOX_LABEL = re.compile(r"^(?:about the author|about the writer|author bio|meet the author)\s*[-–—:|]\s*(?P<name>\S.{1,60})$", re.IGNORECASE)
# a staff role line under a standalone byline name: "Business reporter", "Transport correspondent"
ROLE_LINE = re.compile(
    r"^(?:[A-Z][\w&'’-]*\s){0,3}(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|"
    r"producer|analyst)s?"
    r"(?:, (?-i:[A-Z][\w&'’.-]*)(?: (?-i:[A-Z][\w&'’.-]*)){0,3})?$",  # "Business reporter, BBC News": the outlet after it
    re.IGNORECASE,
)

# a link to an author's other work under the author's bare name ("Jane Roe" / "Search for this author
# in:": the author pop-ups of journal and magazine pages); the name above it is the byline, as over ROLE_LINE
AUTHOR_LINK = re.compile(
    r"^(?:search for (?:more (?:papers|articles|posts|work) by )?this author(?: in)?|"
    r"(?:see|view|read|more) (?:all |more )?(?:articles|posts|stories|work) (?:by|from) this author)\s*:?$",
    re.IGNORECASE,
)
# a site footer's copyright year(s) with the owner after "by": "© 2009-2020 by Jane Roe – Powered by ...",
# "Copyright 2019 by Jane Doe." (a personal site's author; bylines.copyright_owner keeps only a person's name)
COPYRIGHT_BY = re.compile(
    r"(?:^|[–—|·•] )(?:(?:©|\(c\)|copyright)\s*)*(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?,? by "
    r"(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3})(?=\s*(?:[–—|·•.]|$))",
    re.IGNORECASE,
)
# a byline that names a desk or the staff, not a person ("Editorial Staff", "Staff Reporter", "News Desk",
# "Web Team", "KXYZ Staff Report", "Times Staff Writer", "Staff and news service reports"): the
# record's byline is then empty (metadata.authors); at most one free word (an outlet's short name)
# before it, so "Ann Lee CityVoice Staff" stays a person with a site credit run into it
DESK_CREDIT = re.compile(
    r"^(?:(?:the|our)\s+)?(?:[\w.&'’-]+\s+)??"
    r"(?:(?:editorial|news|web|online|digital|sports?|metro|city|business|features?|foreign|national|"
    r"international|politics|world|wire|copy|photo|picture|graphics|multimedia|social media|staff)\s+)?"
    r"(?:staff|desk|team|newsroom|bureau)"
    r"(?:\s+(?:writers?|reporters?|reports?|correspondents?))?"
    r"(?:\s+(?:and|&)\s+(?:(?:news|wire) services?|wires?|agency|agencies|(?:wire|news|agency) reports?)(?:\s+reports?)?)?$|"
    # a wire credit alone: "Agencies", "Wire services", "News agencies"
    r"^(?:(?:news |wire )?agencies|wire services|news services|wires|agency reports?)$|"
    # an outlet's initials and "Report": "GT Report", "K.L. Report" (the desk's own copy)
    r"^(?-i:[A-Z](?:\.?[A-Z]){0,4}\.?)\s+reports?$",
    re.IGNORECASE,
)
# what a byline runs into a person's name after it, as (kind, pattern of the tail) rows, tried in order by
# metadata.name_without_credit (one rule for bylines and for the page's declared authors); a row applies only
# when the name before the tail keeps two or more words: an outlet after a full stop ("Jane Doe. Example
# International"; not after an initial or a title: the stop must follow two letters of a word), a staff credit
# ("Ann Lee CityVoice Staff", "Jane Doe Staff"; only "Staff": "Joe Park, Acme Safe Search team" is a team), and
# with the page's site name, that site's name with or without a desk word ("Ann Lee CNN", "Jane Doe Example
# Gazette Desk" on those sites: "site" rows compare the tail's letters with the site name's)
NAME_CREDIT_TAILS: tuple[tuple[str, re.Pattern], ...] = (
    ("outlet", re.compile(r"(?<=[A-Za-z][a-z])\.\s+[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|the|and|for|&)){0,5}$")),
    ("staff", re.compile(r"(?<=\w)\s+[A-Z][\w.&'’-]*\s+(?:Staff|STAFF)$")),
    ("staff", re.compile(r"(?<=\w)\s+(?:Staff|STAFF)$")),
    # the desk word a site's name may carry; the site's name itself is the page's (its last one to three words)
    ("site", re.compile(r"\s+(?:staff|team|desk|editors?)$", re.IGNORECASE)),
)
# an affiliation after a byline's first name: a department, team, project, company or institution, or a
# job title
# ("Posted by Jane Doe, Cloud Platform Marketing, Examplecorp", "Jane Doe, Department of Physics, Example
# University"): where the names end (metadata.byline, metadata.authors); the rest is not a second author
AFFILIATION = re.compile(
    r"\b(?:marketing|communications|relations|engineering|project|programme|program|department|dept|division|"
    r"university|college|institute|faculty|foundation|laborator(?:y|ies)|labs?|group|inc|ltd|llc|plc|gmbh|"
    r"corp|corporation|company|association|society|ministry|partners|consulting|solutions|technologies|"
    # a job title after the name ("Jane Doe, Developer Advocate, Examplecorp")
    r"advocates?|engineers?|managers?|directors?|scientists?|designers?|developers?|evangelists?|strategists?|"
    r"specialists?|consultants?|architects?|(?:co-?)?founders?|ceo|cto|cfo|coo|president|professor|"
    r"researchers?|lecturers?|interns?|students?|analysts?|officers?|coordinators?)\b",
    re.IGNORECASE,
)
# words that make up button rows such as "Share Tweet Email Print" when a line has nothing else
UI_WORDS = frozenset(
    "share shares sharing tweet email e mail print facebook twitter x whatsapp linkedin reddit telegram "
    "pinterest instagram youtube tiktok flipboard messenger copy link save bookmark comment comments "
    "like follow subscribe reply report font size text a increase decrease reset listen audio video "
    "photos photo gallery more less close open menu search home login sign in up out register next "
    "previous prev back top of page the this article story via on".split()
)
# breadcrumbs and nav rows: "Home > World > Europe", "News | Sport | Weather"
NAV_SEPARATOR = re.compile(r"\s[>»›/|•·]\s")
# a breadcrumb trail that says what it is, or starts at the home page: "You are here: Home / Baby / Headline"
BREADCRUMB_LABEL = re.compile(r"^(?:(?:you are here|current page|breadcrumbs?)\s*:\s*)?home\s[>»›/|]\s", re.IGNORECASE)
# breadcrumb arrows: two crumbs are enough ("Sport > Football"); pipes and slashes need three parts
BREADCRUMB_SEPARATOR = re.compile(r"\s[>»›]\s")
# a bar of three or more bracketed link labels and nothing else: "[Docs] [txt|pdf] [Tracker] [Email]" (the tool
# links rfcmarkup writes above an RFC); each label opens with a letter ("[1] [2] [3]" are citation marks)
BRACKET_LINK_BAR = re.compile(r"^(?:\[[^\W\d_][^\[\]]{0,30}\]\s*){3,}$")
# a list item's marker in a plain-text dump: "• item", "- item", "* item", "o Item"; "1. item" is not one
# (ranked lists are chrome): NUMBERED_ITEM. The match ends where the item's text starts (lines.list_marker)
LIST_MARKS = "•·▪◦‣*+–-"  # the characters that mark a list item (and "o" before a capital or digit)
BULLET = re.compile(rf"^(?:[{re.escape(LIST_MARKS)}]|o(?= [A-Z0-9]))\s+(?=\S)")
# a byline's label alone on its line, one row per language (language, labels separated by ", "): the byline
# words of HEADER_BYLINE_WORDS and the words for "author" ("Von" / "Jana Roe", "Autorin:" / "Jana Roe", "Por" /
# "Ana Ruiz"); not Dutch "door" (see HEADER_BYLINE_WORDS) nor Italian "di"
BYLINE_LABEL_WORDS: tuple[tuple[str, str], ...] = (
    ("en", "by, written by, posted by, published by, author, authors, words by"),
    ("de", "von, autor, autorin, autoren"),
    ("fr", "par, auteur, auteure, écrit par, publié par"),
    ("es, pt", "por, autor, autora, autores, escrito por, publicado por"),
    ("it", "autore, autrice"),
    ("pl", "przez, autor, autorka"),
)
# the label alone on its line, the name on the next one ("By" / "Jane Doe": the dump split a link), both may be
# a dump's list items ("* Von" / "* Jana Roe")
BYLINE_LABEL = re.compile(
    rf"^(?:[{re.escape(LIST_MARKS)}]\s+)?(?:"
    + "|".join(sorted({w for _, words in BYLINE_LABEL_WORDS for w in words.split(", ")}, key=len, reverse=True))
    + r")\s*:?$", re.IGNORECASE)
# a numbered list item's marker, its number in group 1: "2. Other Sciences", "10) Tom Hale"
NUMBERED_ITEM = re.compile(r"^(\d{1,3})[.)]\s+(?=\S)")
# wire-copy credits at the foot of a story
CREDITS = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|translated|produced|research)(?: and [a-z]+)? by\b|"
    # a wire-input credit closing a story: "(With inputs from agencies)", "With PTI inputs"
    r"^\(?with (?:inputs (?:from|by) [\w&.-]+(?: [\w&.-]+){0,3}(?:(?:,| and| &) [\w&.-]+(?: [\w&.-]+){0,3}){0,3}"
    r"|[\w-]+ inputs)\)?\.?$",
    re.IGNORECASE,
)
# the reporters a wire story's closing credit names: "(Reporting by Ana Lind in Oslo and Tom Roe; Editing
# by ...)" -> "Ana Lind in Oslo and Tom Roe" (never "Additional reporting by": help, not the byline)
REPORTING_CREDIT = re.compile(r"^\(?\s*reporting by (?P<names>[^;()\[\]]{3,160}?)\s*(?:[;)\]]|$)", re.IGNORECASE)
# a reporter's desk city after the name in such a credit: "Ana Lind in Oslo"
CREDIT_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")

# a table of contents: its heading ("Contents", "Table of contents [hide]", "In this article") and its
# entries, numbered by section ("* 1 History", "+ 1.1 Early years", "o 2.1.1 Costs", "2. Methods")
CONTENTS_HEADING = re.compile(rf"^(?:{_CONTENTS_LABEL})(?: \[ ?(?:hide|show) ?\])?:?$", re.IGNORECASE)
CONTENTS_ENTRY = re.compile(r"^(?:[*+o•-] )?\d{1,2}(?:\.\d{1,2}){0,3}\.? +\S")
# what a newsletter box's one-line pitch speaks of ("The week's harbour news, in your inbox."): a prose line
# under a signup heading without any of them is the article going on ("The ferry left an hour late.")
SIGNUP_PITCH_WORDS = frozenset(
    "news newsletter newsletters update updates delivered inbox daily weekly monthly latest email emails subscribe "
    "subscribers unsubscribe sign signing journalism reporting stories tips advice insights analysis offers free "
    "every digest briefing alerts headlines".split()
)
# the headings and prompts of a comment section and the titles of the rails after an article, (section kind,
# label in lower case): rows of SECTION_HEADINGS, and labels clean/blocks.py cuts out of a page flattened to
# one line (in sentence and title case), which runs them on from the article's last sentence
CLOSING_LABELS: tuple[tuple[str, str], ...] = (
    ("comments", "there are no comments"), ("comments", "no comments yet"), ("comments", "be the first to comment"),
    ("comments", "be part of the conversation"), ("comments", "view the discussion thread"),
    ("comments", "post your comments"), ("comments", "post comment"), ("comments", "add comment"),
    ("comments", "add a comment"), ("comments", "write a comment"), ("comments", "reader comments"),
    ("comments", "show all comments"), ("comments", "notify me of new comments"),
    ("comments", "notify me of follow-up comments"), ("comments", "notify me when new comments are added"),
    ("teasers", "explore further"), ("teasers", "latest articles"), ("teasers", "latest stories"),
    ("teasers", "latest news"), ("teasers", "more stories"),
)

# headings of the teaser rails under an article (ad networks' "From Around the Web", "Up Next", "Top Stories"),
# lower case: a flattened page runs them into the teasers under them, and blocks.CHROME_LABELS cuts them out in
# title case (in sentence case they open sentences: "Don't miss the last ferry"); each is a SECTION_HEADINGS
# "teasers" heading
TEASER_RAIL_LABELS: tuple[str, ...] = (
    "from around the web", "around the web", "up next", "top stories", "most viewed", "most shared",
    "editor's picks", "editor’s picks", "editors' picks", "editors’ picks", "don't miss", "don’t miss",
    "in other news", "further reading", "more to read", "sponsored stories", "promoted stories",
    "sponsored links", "what to read next",
)


def _closing_row(kind: str) -> tuple[str, re.Pattern]:
    """A SECTION_HEADINGS row of the CLOSING_LABELS of one kind: the label alone on its line, a full stop,
    colon or exclamation mark after it."""
    labels = "|".join(re.escape(label) for row_kind, label in CLOSING_LABELS if row_kind == kind)
    return kind, re.compile(rf"^(?:{labels})[.:!]?$", re.IGNORECASE)


# chrome sections of a page dump, by their heading (workers.stages.clean.sections): each row is
# (kind, pattern of the whole heading line). "teasers": a list of short teaser lines follows (related
# links, latest-news rails); "signup": a newsletter box (the heading and its one-line pitch) inside
# the article; "poll": a reader poll (its question and answers) inside the article; "comments", "legal": the rest of the page is reader comments or the
# press-release/legal boilerplate (About the company, forward-looking statements, media contacts).
SECTION_HEADINGS: tuple[tuple[str, re.Pattern], ...] = (
    ("teasers", re.compile(
        r"^(?:related(?: articles| stories| news| content| coverage| posts| links| reading| topics)?|"
        r"(?:read|watch|up) next|read more|see also|also read|read also|further reading|"
        r"more (?:(?:top |great )?(?:stories|news|articles|headlines)|coverage|to read|on this (?:story|topic)|(?:from|in|on|about) .{1,40}|great .{1,40} stories)|"
        r"(?:the )?latest(?: news| stories| headlines| from .{1,40})?|recommended(?: for you| stories| reading| articles)?|"
        r"you (?:may|might|could) also (?:like|enjoy|be interested in)|(?:most|top) (?:read|popular|viewed|shared|stories)"
        r"(?: (?:stories|articles|posts|news)| (?:in|on|from) [\w&'’ -]{1,30}| [\w&'’-]+ (?:stories|articles|posts|news|videos))?|"
        r"next up(?: (?:in|on) [\w&'’ -]{1,30})?|(?:what )?(?:other )?people are (?:also )?reading(?: now)?|"
        r"trending(?: now| stories| news)?|popular(?: now| stories| posts| articles)?|what to (?:read|watch) next|hot network questions|"
        r"editor(?:['’]?s|s['’])? (?:picks?|recommendations?|choices?)|latest posts by .{1,40}|"
        r"recent (?:posts|articles|stories|entries|news|comments)|(?:latest|newest|more|other|similar) (?:posts|articles|entries)|"
        r"don['’]?t miss|in other news|elsewhere on .{1,40}|(?:more )?(?:from )?around the (?:web|network)|"
        r"(?:sponsored|promoted|partner) (?:links|stories|content)|(?:more )?from (?:our|the) partners|"
        r"(?:more )?must[- ]reads?(?: (?:from|on|in) .{1,40})?)(?:[.:!]| ?(?:…|\.\.\.))?$",
        re.IGNORECASE)),  # "Related stories …": a link's ellipsis
    # the same headings in other languages, one language a line (not German "Mehr zum Thema": a paragraph with
    # the article's own links follows it as often as a list of other stories)
    ("teasers", re.compile(
        r"^(?:lesen sie (?:auch|mehr)(?: (?:die folgenden|diese) (?:beiträge|artikel))?|das könnte (?:sie|dich) auch interessieren|"  # de
        r"auch interessant|siehe auch|zum weiterlesen|weiterführende (?:links|artikel|beiträge|informationen)|"
        r"(?:weitere|mehr) informationen(?: zu[mr]? .{1,40})?|mehr zum thema (?:auf|bei) .{1,40}|vorschau auf den nächsten artikel|"
        r"weitere (?:aktuelle )?(?:artikel|beiträge|nachrichten|meldungen|themen)(?: (?:aus|zu|zum|zur|über|in) .{1,40})?|(?:ähnliche|verwandte) (?:artikel|beiträge|themen)|"
        r"schon gelesen\?|meistgelesen(?:e (?:artikel|beiträge))?|(?:neueste|aktuelle) (?:artikel|beiträge|nachrichten)|"
        r"(?:à )?lire aussi|à lire également|voir aussi|sur le même sujet|articles? (?:similaires|liés|connexes)|"  # fr
        r"les plus lus|dans la même rubrique|derniers articles|"
        r"le[ae] también|leer también|ver también|(?:también )?te puede interesar|(?:noticias|artículos) relacionad[oa]s|"  # es
        r"lo más leído|más noticias|más sobre .{1,40}|te recomendamos|últimas noticias|"
        r"leggi anche|vedi anche|articoli correlati|potrebbe interessarti|i più letti|ultime notizie|"  # it
        r"leia também|veja também|(?:notícias|artigos) relacionad[oa]s|mais lid[oa]s|"  # pt
        r"lees ook|zie ook|gerelateerde artikelen|meest gelezen|"  # nl
        r"(?:prze)?czytaj (?:też|także|również)|zobacz (?:też|także|również)|polecamy|najczęściej czytane|"  # pl
        r"powiązane artykuły)(?:[.:!]| ?(?:…|\.\.\.))?$",
        re.IGNORECASE)),
    ("signup", re.compile(
        r"^(?:(?:get|sign up (?:for|to)|subscribe to|join|receive) (?:the |our |a )?(?:free |daily |weekly |morning |evening )?"
        r"[\w'’&-]+(?: [\w'’&-]+){0,5} (?:newsletters?|briefings?|digest|bulletin|e-?mails?|alerts?|updates)|"
        r"(?:newsletter|briefing) sign[- ]?up|sign up (?:for|to) (?:our|the) [\w'’ &-]{1,40})[.:!]?$", re.IGNORECASE)),
    # a reader poll set in the article: its heading, question, answers and buttons (sections._poll_end)
    ("poll", re.compile(
        r"^(?:(?:quick|reader|readers['’]?|today['’]?s|daily|weekly|our|take our|community|online) )?poll"
        r"(?: of the (?:day|week))?[.:!]?$", re.IGNORECASE)),
    _closing_row("teasers"),
    _closing_row("comments"),
    ("comments", re.compile(
        r"^(?:comments?(?: \(\d+\)| \d+)?|\d+ (?:comments?|responses?|replies)|reader comments|"
        r"(?:show|view|read|see) (?:all )?(?:\d+ )?comments(?: \(\d+\))?|leave a (?:comment|reply)|post a comment|"
        r"add (?:a |your )?comments?|join the (?:conversation|discussion)|discussion|"
        r"(?:what|here['’]s what) (?:readers|you) (?:say|think)|house rules|"
        r"(?:comment(?:s|ing)?|discussion|community) (?:policy|guidelines|rules|standards))[.:!]?$", re.IGNORECASE)),
    # the same headings in other languages, one language a line (plurals only: a German "Kommentar" over a
    # headline is an opinion column's label)
    ("comments", re.compile(
        r"^(?:(?:\d+ )?kommentare(?: \(\d+\))?|leserkommentare|kommentar schreiben|schreibe(?:n sie)? einen kommentar|"  # de
        r"(?:\d+ )?commentaires(?: \(\d+\))?|laisser un commentaire|laisser une réponse|"  # fr
        r"(?:\d+ )?comentarios(?: \(\d+\))?|deja (?:un comentario|una respuesta|tu comentario)|"  # es
        r"(?:\d+ )?commenti(?: \(\d+\))?|lascia un commento|"  # it
        r"(?:\d+ )?comentários(?: \(\d+\))?|deixe (?:um comentário|uma resposta)|"  # pt
        r"(?:\d+ )?reacties(?: \(\d+\))?|laat een reactie achter|"  # nl
        r"(?:\d+ )?komentarz[ey]?(?: \(\d+\))?|dodaj komentarz|skomentuj)[.:!]?$", re.IGNORECASE)),  # pl
    ("legal", re.compile(
        r"^(?:about (?:the )?(?:company|author|authors)|about ?(?:the )?(?:(?-i:[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|of|and|for|&|the|de|du|la)){0,6}))|"
        r"(?:cautionary (?:note|statement)s? (?:regarding|on|about|concerning) )?forward[- ]looking (?:statements?|information)|"
        r"safe harbou?r(?: statement)?|cautionary (?:note|statement)s?|notes? to editors?|disclaimer|"
        r"(?:media|press|investor|company|news)(?: relations)?(?: and (?:media|investor) relations)? (?:contacts?|enquiries|inquiries)|"
        r"contacts?|for (?:further|more|additional) information(?:,? (?:please )?contact)?)[.:]?$",
        re.IGNORECASE)),
    # the same contact headings in other languages, one language a line
    ("legal", re.compile(
        r"^(?:(?:presse|medien)?kontakte?|ansprechpartner(?:in(?:nen)?)?(?: zum thema| für (?:die )?(?:presse|medien))?|"  # de
        r"contacts?(?: (?:presse|médias))?|"  # fr, nl
        r"contactos?(?: de prensa)?|"  # es
        r"contatt[oi](?: stampa)?|"  # it
        r"perscontact|"  # nl
        r"kontakt(?: dla mediów)?)[.:]?$", re.IGNORECASE)),  # pl
)
# a paragraph that is itself press-release legal boilerplate, with no heading over it
LEGAL_PARAGRAPH = re.compile(
    r"^(?:this (?:press |news )?release (?:contains|includes|may contain) (?:certain )?\"?forward[- ]looking|"
    r"certain statements in this (?:press |news )?release|statements in this (?:press |news )?release that are not historical)",
    re.IGNORECASE,
)
# a paywall: from this line on the page offers a subscription, not the article
PAYWALL = re.compile(
    r"\b(?:(?:for|to) (?:paying |our )?(?:subscribers|members) only|(?:subscribers?|members?)[- ]only (?:article|content|story)|"
    r"already (?:a )?(?:subscriber|member)\b|(?:subscribe|sign up|register|log ?in) (?:now |today )?to (?:continue|keep) reading|"
    r"to continue reading(?: this)?(?: article| story)?,? (?:please )?(?:subscribe|log ?in|sign ?in|register)|"
    r"you(?:'ve| have) reached your (?:free )?(?:monthly )?(?:article|story) limit|unlock (?:this|the full) (?:article|story)|"
    r"to (?:view|read|access|see) (?:the|this) (?:full|entire|whole|rest of the) (?:story|article),? (?:please )?(?:subscribe|log ?in|sign ?in|register)|"
    r"this (?:article|story|content) is (?:only )?(?:available|reserved|exclusive)? ?(?:to|for) (?:paying )?(?:subscribers|members))",
    re.IGNORECASE,
)
# subscription-offer wording; a paragraph with two or more different hits is an offer, not article prose
OFFER_WORDING = re.compile(
    r"\b(?:subscri(?:be|ber|bers|ption|ptions)|unlimited (?:digital )?access|cancel (?:at )?any ?time|free trial|"
    r"(?:a|per) (?:week|month|year)|digital (?:edition|access|subscription)|newsletters?|log ?in|sign ?in)\b",
    re.IGNORECASE,
)
# the link that ends a teaser (a headline and its summary) in a list of other stories: "READ THE REST",
# "Read more…", "Continue reading »", "Full story"; a page that repeats one lists teasers
READ_MORE_LINK = re.compile(
    r"^[\[(]?(?:read (?:the rest|more|full (?:story|article|post))|continue reading|full (?:story|article)|keep reading|"
    # the same links in other languages: de, fr, es, it, pt, nl, pl
    r"mehr lesen|weiterlesen|lire la suite|lire plus|leer más|seguir leyendo|sigue leyendo|leggi (?:tutto|di più)|"
    r"continua a leggere|leia mais|continue lendo|lees meer|lees verder|czytaj (?:dalej|więcej))"
    r"(?: (?:of this|this) (?:entry|post|article|story))?\s*(?:\.\.\.|…|»|›|>|→)?\s*[\])]?$",
    re.IGNORECASE,
)
# a teaser's excerpt cut short with its read-more link on the same line (the dump glues them):
# "As it turned out, the board… Read more Read more", "... Read more»", "the vote.... more"
READ_MORE_TAIL = re.compile(
    r"(?:…|\.{3,})\s*[\[(]?(?:read (?:the rest|more|full (?:story|article|post))|continue reading|keep reading|more)"
    r"(?:\s*(?:…|\.\.\.|»|›|>|→))?(?: read more)?\s*[\])]?\s*[»›>→]?$",
    re.IGNORECASE,
)
# a headline cut short to fit a teaser box: words, then an ellipsis ("21 harbours you must see before…")
CUT_HEADLINE = re.compile(r"\w[\w'’”\"),:;-]?\s?(?:…|\.\.\.)$")
# the sections of a recipe card: its ingredient list and its method (structure._keep_recipe)
RECIPE_INGREDIENTS = re.compile(r"^ingredients\s*:?$", re.IGNORECASE)
RECIPE_METHOD = re.compile(
    r"^(?:directions|instructions|method|preparation|steps|how to (?:prepare|make (?:it|this))|cooking instructions)\s*:?$",
    re.IGNORECASE,
)
# a line of source code or a shell/REPL session in a dump (structure._keep_code_blocks): a comment or
# prompt, a statement keyword, a call, an assignment, a brace or semicolon at the end
CODE_LINE = re.compile(
    r"^(?:#|//|/\*|\$ |>(?:>>)? |\.\.\. )|^\.\.\.$|"
    r"^(?:def |class |import |from \S+ import |return\b|elif |else:|for \w+ in |while |print\(|var |let |const |"
    r"function\b|sudo |pip3? |npm |git |docker |export |echo |set-option |bind-key |SELECT |CREATE |INSERT )|"
    r"\w\(.*\)|[{};]\s*$|\s=\s|==|\w=\S|->|::|\\[rn]"
)
# the attribution line under an embedded tweet: "— Dave Schukin (@schukin) July 3, 2019"
TWEET_ATTRIBUTION = re.compile(r"^[—–-] ?[^()\n]{1,60} \(@\w{1,15}\) [^\n]{4,40}$")
# a literal (lower case) inside every OFFER_WORDING phrase: a prefilter, tests/unit/test_clean_speed.py
# expands every phrase the pattern matches and checks it holds one
OFFER_KEYS = ("subscri", "unlimited", "cancel", "free trial", "week", "month", "year", "digital", "newsletter", "log", "sign")
# words of a subscription box's pitch (lower-case stems): a prose line holding one goes on with the box
# under a paywall line ("When you join ... you'll get unlimited digital access"), not with the article
PAYWALL_PITCH_STEMS = ("subscri", "member", "join", "access", "unlimited", "renew", "log in", "sign in",
                       "sign up", "free trial", "paywall", "premium")
# characters that re.IGNORECASE matches to an ASCII letter but str.lower() does not turn into exactly
# that letter (dotless i, long s, dotted capital I): text holding one skips lower-case prefilters
CASE_TWINS = ("\u0130", "\u0131", "\u017f")

# class/id words of the elements that hold a site's logo or name, not a page's headline (an <h1> inside
# one, e.g. <h1 class="site-title">, is the masthead): WordPress/Blogger/Bootstrap theme conventions
SITE_LOGO_CLASS = re.compile(r"logo|site[-_]?(?:title|name|branding|header)|brand|masthead|blog[-_]?title", re.IGNORECASE)
# class/id/itemprop words of an <h1> that say it is the article's headline (schema.org's itemprop
# "headline", hAtom's "entry-title", CMS "post-title"/"article-title"/"story-title"): such a heading is the
# headline even inside a SITE_LOGO_CLASS container (news templates call an article's header block its "masthead")
ARTICLE_HEADLINE_CLASS = re.compile(r"headline|entry[-_]title|post[-_]title|article[-_]title|story[-_]title", re.IGNORECASE)

# class/id words of page elements that hold chrome, not article text, even when it reads as prose:
# author boxes and bios, captions, share/social rows, newsletter and subscription boxes, related and
# recommended lists, comments, breadcrumbs, trust/standards badges, an hCard ("vcard": the author's card
# and bio; a byline's own vcard is no body text either) (words of common CMS themes:
# WordPress, Drupal, Arc, Bootstrap; BEM's "author__box" too); whole-word-ish, so "authority" or
# "shared-content" do not match
CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:author[-_]{0,2}(?:box|bio|info|card|profile|details)|about[-_]?(?:the[-_]?)?author|bio[-_]?box|"
    r"wp-caption-text|caption|legende?|share|sharing|social|newsletter|subscribe|subscription|related|recommended|"
    r"comments?|breadcrumbs?|trust[-_]?badge|trustbadge|cta|vcard|next[-_]?(?:posts?|stor(?:y|ies)|articles?)|post[-_]?navigation|"
    # a WordPress post's footer line under the article ("This entry was posted in …. Bookmark the permalink.",
    # "Der Beitrag wurde am … veröffentlicht"): the classic themes' classes, Kubrick's and Twenty Ten's
    r"postmetadata|entry[-_]?utility)(?:$|[\s_-])",
    re.IGNORECASE,
)
# the CHROME_CLASS words of an image's caption (html.marked_chrome's "captions": kept when captions are most
# of the page's prose): "caption" anywhere in a class word, and the legend of a German or French page's picture
# ("legend", "legende", "bild-legende"; Bildlegende, légende)
CAPTION_CLASS = re.compile(r"caption|(?:^|[\s_-])legende?(?:$|[\s_-])", re.IGNORECASE)
# the one CHROME_CLASS word that marks readers' comments: an element marked by it alone is a "comments" box
# (html.marked_chrome), whose lines are chrome unless no other line of the page is prose (run._marked_lines: a
# live match's commentary, "live-match-comment", is the article)
COMMENT_CLASS = re.compile(r"(?:^|[\s_-])comments?(?:$|[\s_-])", re.IGNORECASE)
CHROME_TAGS = frozenset(("figcaption", "aside", "nav"))
# class words of pop-up and modal dialogs (Bootstrap "modal", WordPress Popup Maker "pum"/"popmake",
# lightboxes such as an AMP "bookmark" pitch): a dialog is never the article, however long its text, unless
# it holds the headline (html.marked_chrome); whole class words only: a page whose article div carries
# "modal-enabled" is not one
POPUP_CLASS = re.compile(r"(?:^|\s)(?:modal|popup|pum|popmake|lightbox)(?:$|\s|-(?:content|container|overlay)\b)", re.IGNORECASE)
# inline elements are never a dialog: a link styled as a pop-up note ("popup" on an <a>) is the sentence it marks
INLINE_TAGS = frozenset("a abbr b cite em i q small span strong sub sup u".split())
# an hCard laid out as a table is an infobox (a wiki's summary of its subject: capital, population,
# founders), not an author card: its "vcard" class word does not make it chrome
CARD_CLASS = re.compile(r"(?:^|\s)vcard(?:$|\s)", re.IGNORECASE)
INFOBOX_TAGS = frozenset(("table",))

# class/id words of the regions that hold readers' comments and sidebar widgets (WordPress "comments-area",
# "comment-author-link", its "Recent Comments" widget's "recentcomments", Disqus, a "sidebar" column): a
# name found only inside them is a commenter's, never the article's author, and their dates are not its date;
# a class word that only ends in "comments" ("nyo-social-comments": a comment-count link beside the byline) is not one
COMMENT_REGION_CLASS = re.compile(
    r"(?:^|\s|[\s_-]recent[-_]?|^recent[-_]?)comments?(?:$|[\s_-])|disqus|"
    r"(?:^|\s)sidebar(?:[-_]?\d+|[-_](?:left|right|primary|secondary))?(?:$|\s)",
    re.IGNORECASE,
)

# the author link text of blog themes that extractors return as the author ("View all posts by Jane
# Doe", WordPress; its German, French and Spanish translations): the name is what follows
AUTHOR_LINK_PREFIX = re.compile(
    r"^(?:view (?:all )?(?:posts|articles|stories) by|all (?:posts|articles|stories) by|more (?:posts|articles|stories) by|"
    r"(?:zeige )?alle (?:beiträge|artikel) von|"  # de
    r"(?:voir|afficher) tous les articles (?:de|par)|"  # fr
    r"ver todas las entradas (?:de|por))\s+", re.IGNORECASE)

# class words of the parts of an <h1> that are not the headline: a subtitle, dek or kicker set inside it
HEADLINE_EXTRA_CLASS = re.compile(r"subtitle|sub-title|subhead|kicker|eyebrow|flytitle|dek\b|standfirst|strap", re.IGNORECASE)
# class/id words of the element that holds a standfirst (dek) under the headline: "standfirst", "dek", "deck",
# "strapline", "subtitle", "subhead", "summary", "excerpt", "intro"/"introduction" as whole class-word parts
# (BEM and CMS conventions: "e-standfirst", "c-dek", "hl__deck", "article-subhead", "story-body__introduction");
# such an element's text as the first body paragraph is the record's standfirst (paragraphs.marked_standfirst)
STANDFIRST_CLASS = re.compile(
    r"(?:^|[\s_-])(?:standfirst|dek|deck|strapline|sub-?title|subhead|summary|excerpt|intro|introduction)(?:$|[\s_-])",
    re.IGNORECASE,
)
# zone names that are a region's clock rather than one offset, read as that region's IANA zone so the
# date decides standard or summer time ("7:40 p.m. ET" on a day in July is -04:00, in January -05:00);
# dateparser's table gives ET/PT their standard offset all year and knows no CT/MT. "IST" is India
# Standard Time, its common sense in English-language news (dateparser reads it as Israel's +02:00).
# Source: the IANA time zone database, read through zoneinfo (tzdata where the system has none).
ZONE_REGIONS = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
    "AKT": "America/Anchorage",
    "IST": "Asia/Kolkata",
}
# a locale's order of day and month in an all-numeric date ("05/03/2024"), where CLDR's (dateparser's
# locale data, dates.day_order) says nothing about it or says otherwise than the locale writes such dates:
# CLDR gives South Africa's and French Canada's short date year first (2024/03/05), but where their pages
# put the day and the month before the year the day comes first; English Canada writes both orders (None:
# no say). Source: the Unicode CLDR short date formats and the ISO 8601 / national usage notes of
# Wikipedia's "List of date formats by country" (South Africa DMY and YMD; Canada all three).
DAY_ORDER_OVERRIDES = {
    "en-ZA": "day",
    "fr-CA": "day",
    "en-CA": None,
}
# month names in the other languages dateparser reads here (dates.DATE_LANGUAGES), for bare date lines
# ("jeudi 7 mars 2019", "5. Juni 2018"); one row per language, January first (Russian and Polish: the genitive a
# date uses, "3 maja 2022")
MONTH_NAMES_OTHER = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
}


# languages that capitalise their common nouns (German, Luxembourgish): a short line's capitals there are no
# English Title Case headline's (structure._nouns_capitalised); the entities stage's table of the same name
NOUN_CAPITALISING_LANGUAGES = frozenset({"de", "lb"})

# English month names and their abbreviations, a regex alternation (a header's "<name> <date>" lines:
# metalines._NAMED_DATE, NAME_THEN_DATE)
MONTH_NAMES = (r"January|February|March|April|May|June|July|August|September|October|November|December|"
               r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
# a header's byline name, then its date on the same line (bylines.name_beside_date, _name_beside_header_date;
# metalines._name_then_date): the name (a letter first, no digit; a hyphen inside it, "Boelen-Theile", is no
# separator) runs to the first of
#   a separator ("sep"): "Jana Roe, 01.12.2021", "Ana Ruiz - 4 de mayo de 2022", "Jane Doe · 19 February 2024";
#   a space before an all-numeric date: "Jane Doe 19.10.2019, 05:00";
#   a space before a month-name date ending the line ("month"): "Jane Doe March 3, 2024", "Jane Doe 19 February
#   2024"; a capitalised phrase there is a section label's or a teaser's headline as often ("Original Research
#   7 April 2020"), so a reader takes it only where the line's place says byline (under a headline, the page's day)
NAME_THEN_DATE = re.compile(
    r"^(?P<name>[^\W\d_](?:(?!\s[-–—|/·•]\s|,\s)[^\d|/·•,–—]){2,50}?)"
    r"(?:(?P<sep>\s*[,|/·•–—]\s*|\s+-\s+)|\s+(?=\d{1,4}[./-]\d{1,2}[./-]\d)"
    r"|\s+(?=(?P<month>(?:" + MONTH_NAMES + r")\.? \d{1,2},? \d{4}|\d{1,2} (?:" + MONTH_NAMES + r")\.?,? \d{4})$))"
    r"(?P<date>.+)$")

# an author's contact link run into the byline line ("By Jane Doe Email the author", "Jane Doe Senior
# Reporter Contact the reporter"): newspaper's authors take it for a name (codelucas/newspaper#158)
AUTHOR_CONTACT_WHOM = ("author", "writer", "reporter", "journalist")
AUTHOR_CONTACT_TAIL = re.compile(
    r"\s+(?:e-?mail|contact|message|follow|write to)\s+(?:the\s+)?(?:" + "|".join(AUTHOR_CONTACT_WHOM) + r")$",
    re.IGNORECASE,
)

# a staff role's rank or desk written capitalised before the role word ("Jane Doe Senior Reporter", "Jane
# Doe Chief Political Correspondent"): part of the role, never the end of the name before it
# (bylines.name_with_role; newspaper's authors take "Senior Reporter" for a name, codelucas/newspaper#856)
ROLE_RANK_WORDS = frozenset(
    "senior chief staff contributing associate assistant deputy managing executive special foreign political "
    "business sports science health investigative national local freelance lead principal".split()
)

# ISO 639-1 code of a page's language -> the name of jusText's stoplist for it (justext.get_stoplists();
# the jusText voter and fallback in the HTML vote read paragraphs by their share of stopwords: with the
# English list a German article is all boilerplate to it). A language without a row reads as English.
JUSTEXT_STOPLISTS = {
    "af": "Afrikaans", "an": "Aragonese", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian",
    "bg": "Bulgarian", "bn": "Bengali", "br": "Breton", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto",
    "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "fy": "West_Frisian", "ga": "Irish", "gl": "Galician", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "ht": "Haitian", "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "ig": "Igbo", "is": "Icelandic",
    "it": "Italian", "jv": "Javanese", "ka": "Georgian", "kk": "Kazakh", "kn": "Kannada", "ko": "Korean",
    "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin", "lb": "Luxembourgish", "lt": "Lithuanian", "lv": "Latvian",
    "mk": "Macedonian", "ml": "Malayalam", "mr": "Marathi", "ms": "Malay", "mt": "Maltese", "nb": "Norwegian_Bokmal",
    "ne": "Nepali", "nl": "Dutch", "nn": "Norwegian_Nynorsk", "no": "Norwegian_Bokmal", "oc": "Occitan",
    "pl": "Polish", "pt": "Portuguese", "qu": "Quechua", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil",
    "te": "Telugu", "tk": "Turkmen", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek",
    "vi": "Vietnamese", "vo": "Volapuk", "wa": "Walloon", "yo": "Yoruba",
}
