// Small word lists the heuristics type proper-noun chunks with. Deliberately
// short: each list holds the words that decide a type in news text, not an
// encyclopaedia; a name the lists miss still gets a type from its context
// (titles, "said X", "in X") or the model's part of speech.
const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean))

/** Words written before a person's name; never part of the span. */
export const TITLES = set(`Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Sir Dame Lord Lady President Senator Sen. Rep. Representative Governor Gov. Mayor
  Minister Secretary Chancellor Judge Colonel Col. Captain Capt. Lieutenant Sgt. Sergeant Admiral Professor Pope Cardinal Bishop
  Rev. Reverend Commissioner Ambassador Inspector Detective Premier Speaker Councillor Councilman`)

/** Acronyms and capitalised words of everyday (tech) prose that name nothing. */
export const NOT_NAMES = set(`AI IT CPU GPU CEO CFO CTO COO TV PC API URL HTML PDF ID PM AM ET GMT UTC BST EST PST DNA GDP LLM LLMs FAQ OK USB RAM SSD VPN SMS
  GPS IQ HR PR Q&A OS UI UX VR AR IoT`)

/** Lower-case role nouns before a full name ("chemist Sir William Ramsay", "ranger Jamie Werner"). */
export const ROLE_BEFORE = /\b(?:[a-z]{3,}(?:er|ist|or|ian|ant|ent)|chef|coach|poet|author|artist|actor|actress|spokesman|spokeswoman|spokesperson)\s$/
export const NOT_ROLE = set(`other under after over never ever either neither whether rather together further however later former major minor prior another
  floor door poor your our their her superior senior junior interior exterior color colour manner matter number order paper power
  water winter summer member letter border center corner cover offer answer finger sent went meant recent current different present
  event content percent moment component government parent talent agent`)

/** A chunk ending in one of these is an organisation. */
export const ORG_LAST = set(`Inc Inc. Corp Corp. Corporation Company Co Co. Ltd Ltd. LLC LLP PLC plc GmbH AG SA NV Group Holdings Institute University College
  School Academy Museum Gallery Library Agency Department Ministry Center Centre Council Commission Committee Bank Foundation
  Association Society Party Union Fund Bureau Office Court Authority Administration Service Services Network Times News Post Press
  Journal Magazine Herald Tribune Gazette Review Labs Laboratories Technologies Invest Capital Partners Ventures Motors Airlines
  Airways Media Studios Records Pictures Entertainment Federation League Army Navy Police Parliament Senate Congress Assembly Team
  Club Hospital Clinic Church Trust Alliance Coalition Institution Organization Organisation Board Systems Industries Enterprises
  Solutions Software Energy Pharmaceuticals AI`)

/** A chunk starting with one of these (followed by "of") is an organisation. */
export const ORG_FIRST = set(`Department Ministry University Institute Museum Bank Center Centre Office Bureau Council Commission Committee Agency Board Society
  Association Federation League Church Court College School Academy`)

/** Organisations whose type says they are a public body. */
export const PUBLIC_BODY = /\b(?:Department|Ministry|Agency|Bureau|Commission|Council|Parliament|Senate|Congress|Court|Police|Army|Navy|Administration|Authority|Pentagon|Government)\b/

/** ... and a company. */
export const COMPANY = /\b(?:Inc\.?|Corp\.?|Corporation|Company|Co\.|Ltd\.?|LLC|LLP|PLC|GmbH|AG|Holdings|Technologies|Motors|Airlines|Labs)$/

/** A chunk ending in one of these is a place. */
export const LOC_LAST = set(`Island Islands Beach Harbour Harbor River Mountain Mountains Mount Lake Street St. Avenue Road Square Valley Bay Coast County
  Province Peninsula Desert Canal Bridge Park Ocean Sea Gulf Falls Heights Hills Forest Plains Straits Strait`)

/** ... or starting with one of these. */
export const LOC_FIRST = set(`Mount Lake Rue Cape Gulf Isle Fort Port`)

/** A chunk ending in one of these is an event. */
export const EVENT_LAST = set(`War Expo Olympics Games Summit Conference Festival Championship Championships Cup Revolution Election Elections Awards Forum
  Congress Biennale Marathon Olympiad Crisis Show Fair Exposition Exhibition Tournament Parade Carnival Convention Gala Prix`)

/**
 * Organisations every news reader knows by one word, and which the context
 * rarely types (a platform, an agency credited under a photo). Like the place
 * list, a gazetteer: short, unambiguous when capitalised, and global.
 */
export const KNOWN_ORGS = set(`Google Alphabet Facebook Meta Instagram WhatsApp Twitter YouTube TikTok Snapchat LinkedIn Reddit Telegram Amazon Apple Microsoft
  Netflix Spotify Uber Airbnb Tesla SpaceX OpenAI Anthropic Nvidia Intel IBM Oracle Samsung Huawei Alibaba Tencent Baidu ByteDance
  Reuters AFP Bloomberg CNN BBC NPR PBS ABC CBS NBC MSNBC Fox Politico Axios Vox Wikipedia Mozilla NATO UN UNESCO UNICEF WHO IMF
  OPEC FBI CIA NSA NASA Pentagon Kremlin Interpol Europol Greenpeace Amnesty Hezbollah Hamas Taliban`)

/** Software and devices known by name; "platforms run by a company" (Facebook) stay organisations. */
export const KNOWN_PRODUCTS = set(`Firefox Chrome Chromium Safari Android iOS iPhone iPad macOS Linux Ubuntu Windows ChatGPT Minecraft Photoshop Excel Bitcoin
  Ethereum PlayStation Xbox Kindle Alexa Siri`)

/** A chunk ending in one of these is a product ("Tor Browser"). */
export const PRODUCT_LAST = set(`Browser Phone OS Pro Max Mini`)

/** Nationalities, peoples and languages: never a mention (the gold set's rule), even capitalised. */
export const NATIONALITIES = set(`American Americans British Briton Britons English French Frenchman German Germans Italian Italians Spanish Portuguese Dutch
  Belgian Swiss Austrian Swedish Norwegian Danish Finnish Icelandic Irish Scottish Welsh Polish Czech Slovak Hungarian Romanian
  Bulgarian Greek Greeks Turkish Russian Russians Ukrainian Ukrainians Belarusian Soviet Soviets Chinese Japanese Korean Koreans
  Vietnamese Thai Indian Indians Pakistani Pakistanis Afghan Iranian Iranians Iraqi Iraqis Syrian Syrians Israeli Israelis
  Palestinian Palestinians Arab Arabs Arabic Egyptian Egyptians Saudi Saudis Emirati Qatari Lebanese Jordanian Yemeni Libyan
  Moroccan Algerian Tunisian Nigerian Nigerians Kenyan Ethiopian Somali African Africans South Mexican Mexicans Canadian Canadians
  Brazilian Brazilians Argentine Argentinian Chilean Colombian Venezuelan Peruvian Cuban Cubans Australian Australians Zealander
  Zealanders Māori Maori Asian Asians European Europeans Western Eastern Northern Southern Latin Hispanic Latino Latina Jewish Jews
  Muslim Muslims Christian Christians Catholic Catholics Protestant Hindu Buddhist Sikh Democrat Democrats Republican Republicans
  Conservative Conservatives Liberal Liberals Labour Tory Tories Kiwi Kiwis Indigenous Aboriginal Pacific Atlantic Nordic
  Scandinavian Balkan Baltic Caribbean Mediterranean Persian Kurdish Kurds Taiwanese Filipino Indonesian Malaysian Singaporean
  Bangladeshi Communist Communists Socialist Socialists Marxist Marxists Fascist Fascists Islamist Islamists Tunisians Sudanese`)

/** Common given names (English-language news); a chunk starting with one is a person. */
export const FIRST_NAMES = set(`James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul
  Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry
  Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry
  Douglas Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence
  Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy Eugene Vincent Russell Elijah
  Louis Bobby Philip Johnny Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret
  Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen
  Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth
  Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah
  Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber
  Marilyn Beverly Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Tracy Marcus Martin
  Carlos Jorge Pedro Miguel Javier Antonio Manuel Francisco Ana Sofia Lucia Elena Marco Giuseppe Giovanni Francesco Luca Hans Klaus
  Jürgen Wolfgang Angela Pierre Jean Jacques François Emmanuel Marine Nicolas Vladimir Sergei Dmitry Ivan Olga Natalia Xi Li Wang
  Zhang Hiroshi Yuki Kim Ahmed Mohammed Muhammad Ali Omar Hassan Fatima Aisha Ammar Rahul Priya Raj Elon Jeff Bill Sam Mark Tim
  Satya Sundar Jensen Larry Sergey Steve Barack Joe Kamala Hillary Boris Rishi Keir Theresa Jacinda Hori Jamie Buck Lisa Eleanor
  Bruce Michel Marcel Simone Marguerite Eduardo Ricardo Fernando Alejandro Andrés`)

/**
 * Sentence-initial capitalised words that are ordinary words, not names. The
 * model's part of speech catches most; these are the ones it calls proper
 * nouns at a sentence start.
 */
export const COMMON_INITIAL = set(`The A An This That These Those There Here It Its He She They We I You His Her Their Our My Your When Where What Why How Who Which
  While If As At In On Of For From By With Without After Before Since Until But And Or So Yet Then Now Today Meanwhile However
  Moreover Also Even Just Still Some Many Most Much More Few Each Every All Both Either Neither No Not Nor Only Such Other Another
  Any Among Amid Above Below Between Under Over Despite Although Though Because Unless Whether Once Like Unlike Given Using Note
  Previously Insights Search Explore Concerns Clockwise Whale Man People Security Climate Concrete Earlier Above Seven Two One Three
  Four Five Six Eight Nine Ten Yes Okay Please Read Watch Share Like Follow About`)

/** Lower-case words that are glued into a name only inside it ("Luis de Miranda", "Center on Poverty and Inequality"). */
export const NAME_PARTICLES = set(`de da di du del della der van von la le bin al dos das`)
export const ORG_CONNECTORS = set(`of on for and &`)
