// A compact place list: ISO 3166 country names (with the short forms news
// uses), US states, continents and regions, and the world's major cities.
// Small on purpose (a few kB): places the list misses are typed by context
// ("in X", "X-based", "Island", "Bay" ...). Names are matched case-sensitively
// as whole proper-noun chunks, never inside a longer name.
const COUNTRIES = `Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|
Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Bosnia|Botswana|Brazil|Brunei|Bulgaria|
Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|
Democratic Republic of the Congo|Costa Rica|Côte d’Ivoire|Ivory Coast|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|
Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|
Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|
Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|
Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|
Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|Holland|
New Zealand|Aotearoa|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|
Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Russian Federation|Rwanda|Saint Lucia|Samoa|San Marino|Saudi Arabia|
Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|Korea|South Sudan|
Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Timor-Leste|East Timor|Togo|Tonga|
Trinidad and Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|U.K.|Britain|
Great Britain|England|Scotland|Wales|Northern Ireland|United States|United States of America|US|U.S.|USA|U.S.A.|America|Uruguay|
Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Soviet Union|USSR|Yugoslavia|Hong Kong|Macau|Greenland|Puerto Rico|
Gaza|West Bank|Crimea|Tibet|Kashmir`

const STATES = `Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|
Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|
New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|
Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta|Bavaria|Catalonia|
Queensland|New South Wales|Victoria|Tasmania|Siberia|Normandy|Brittany|Provence|Tuscany|Sicily|Sardinia|Corsica|Scandinavia`

const REGIONS = `Africa|Asia|Europe|North America|South America|Latin America|Central America|Antarctica|Oceania|Middle East|Near East|
Far East|Balkans|Caucasus|Sahara|Sahel|Arctic|Indian Ocean|Silicon Valley|Wall Street|
Midwest|Persian Gulf|Gulf of Mexico|South China Sea|Black Sea|Himalayas|Alps|Amazon|Nile|Danube|Rhine|Thames|Mississippi River`

const CITIES = `London|Paris|Berlin|Madrid|Rome|Milan|Naples|Lisbon|Porto|Barcelona|Valencia|Seville|Amsterdam|Rotterdam|Brussels|Antwerp|
Vienna|Zurich|Zürich|Geneva|Bern|Munich|Hamburg|Frankfurt|Cologne|Stuttgart|Prague|Warsaw|Krakow|Budapest|Bucharest|Sofia|Athens|
Istanbul|Ankara|Moscow|St. Petersburg|Kyiv|Kiev|Minsk|Riga|Vilnius|Tallinn|Helsinki|Stockholm|Oslo|Copenhagen|Reykjavik|Dublin|
Edinburgh|Glasgow|Manchester|Liverpool|Birmingham|Leeds|Bristol|Oxford|Cambridge|Belfast|Cardiff|Marseille|Lyon|Nice|Toulouse|Bordeaux|
Strasbourg|Geneva|Luxembourg|Monaco|Belgrade|Zagreb|Sarajevo|Tirana|Skopje|Chisinau|Tbilisi|Yerevan|Baku|Tehran|Baghdad|Damascus|
Beirut|Jerusalem|Tel Aviv|Amman|Riyadh|Jeddah|Mecca|Doha|Dubai|Abu Dhabi|Muscat|Kabul|Islamabad|Karachi|Lahore|Delhi|New Delhi|
Mumbai|Bangalore|Bengaluru|Chennai|Kolkata|Hyderabad|Dhaka|Kathmandu|Colombo|Beijing|Shanghai|Shenzhen|Guangzhou|Wuhan|Chengdu|
Hangzhou|Tianjin|Taipei|Tokyo|Osaka|Kyoto|Yokohama|Seoul|Busan|Pyongyang|Hanoi|Ho Chi Minh City|Bangkok|Manila|Jakarta|Kuala Lumpur|
Singapore|Sydney|Melbourne|Brisbane|Perth|Adelaide|Canberra|Auckland|Wellington|Christchurch|Cairo|Alexandria|Lagos|Abuja|Nairobi|
Addis Ababa|Johannesburg|Cape Town|Pretoria|Kinshasa|Casablanca|Rabat|Algiers|Tunis|Tripoli|Khartoum|Accra|Dakar|Luanda|Harare|
Mexico City|Havana|Bogotá|Bogota|Lima|Santiago|Buenos Aires|São Paulo|Sao Paulo|Rio de Janeiro|Brasília|Caracas|Quito|Montevideo|
Toronto|Montreal|Vancouver|Ottawa|Calgary|New York City|NYC|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|
San Diego|Dallas|Austin|San Francisco|San Jose|Seattle|Denver|Boston|Atlanta|Miami|Detroit|Minneapolis|Portland|Las Vegas|Baltimore|
Pittsburgh|Cleveland|St. Louis|Nashville|New Orleans|Honolulu|Anchorage|Sacramento|Oakland|
Washington, D.C.|Washington DC|D.C.|Hollywood|Palo Alto|Mountain View|Cupertino|Redmond|Menlo Park|Arlington|Langley|Quantico`

const split = (s: string) => s.split('|').map((x) => x.trim()).filter(Boolean)

/** Every name in the list, as written. */
export const PLACES: ReadonlySet<string> = new Set([...split(COUNTRIES), ...split(STATES), ...split(REGIONS), ...split(CITIES)])

/** The longest place name, in words: how far a chunk is looked into. */
export const MAX_PLACE_WORDS = Math.max(...[...PLACES].map((p) => p.split(' ').length))
