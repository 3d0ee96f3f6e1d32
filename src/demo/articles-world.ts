/**
 * @module demo/articles-world
 * Demo articles for World » Europe, Middle East and Americas. Places, people and institutions
 * are fictional.
 */
import { a, doc, h, i, p, quote, quoteCard, ul } from '../modules/article/document.js';
import type { DemoArticle } from './corpus-types.js';
import { portrait, postedHoursAgo, socialUrl } from './helpers.js';

export const worldArticles: DemoArticle[] = [
  {
    slug: 'night-trains-return-to-ostrel-valley-line',
    title: 'Night trains return to the Ostrel Valley line after eleven years',
    standfirst:
      'A landslide closed the mountain railway in 2014. Its reopening, with a sleeper service to the coast, is being watched by valley towns that lost their only all-weather link.',
    language: 'en',
    categories: ['europe', 'world'],
    tags: ['Rail', 'Transport', 'Tourism'],
    authors: ['maren-holt'],
    featuredImage: 'rail-viaduct',
    hoursAgo: 20,
    updatedHoursAfter: 5,
    body: (media) =>
      doc(
        p(
          'The first passenger train in eleven years crossed the Ostrel viaduct shortly after dawn, its four carriages full of engineers, local officials and several hundred residents who had queued for free tickets. By mid-morning the platform at Lower Ostrel, a village of 900 people at the head of the valley, had run out of coffee.',
        ),
        p(
          'The 74-kilometre line was closed in 2014 when a landslide buried a section of track below the village of Sankt Aurel and undermined two of the viaduct’s piers. Repairs were repeatedly postponed as estimates rose, and for a decade the valley relied on a single road that is often closed by snow in winter.',
        ),
        p(
          'The reopened line will carry four return trains a day, rising to six in summer, and a weekly sleeper service that runs overnight to the coast. Journey times to the regional capital fall to just under two hours, about half the time of the replacement bus.',
        ),
        h(2, 'Rebuilt from the ground up'),
        p(
          'Rather than patch the old formation, engineers rebuilt the most vulnerable stretch on a new alignment higher up the slope, protected by drainage galleries and a steel catch fence. Sensors buried along the cutting now report ground movement to a control room in the valley every ten minutes.',
        ),
        portrait(media, 'portrait-anja-kovac', 'Anja Kovač', 'chief engineer of the Ostrel Valley line'),
        quote(
          'We did not want to reopen a line that would close again at the next wet spring. Most of the money went into things passengers will never see: water, rock and monitoring.',
          'Anja Kovač, chief engineer',
        ),
        p(
          'The viaduct itself, a 19th-century stone structure of nine arches, has been strengthened from the inside with grouted steel anchors, so that its appearance is unchanged. Heritage groups, who had feared a concrete replacement, welcomed the approach.',
        ),
        h(2, 'A lifeline, or a tourist train?'),
        p(
          'Not everyone in the valley is convinced the timetable meets local needs. The first train of the day leaves Lower Ostrel at 6.40, too late, residents say, for shift workers at the hospital in the regional capital.',
        ),
        quoteCard({
          author: 'Ostrel Valley Rail',
          handle: '@ostrelrail',
          date: postedHoursAgo(23),
          text: 'First train is on its way. Thank you to everyone who waited eleven years for this morning. Timetable feedback form is open until the end of the month.',
          url: socialUrl('ostrelrail', '112358132134'),
          network: 'Mastodon',
        }),
        p(
          'The operator says the timetable will be reviewed after three months, and that an earlier departure is possible if demand is shown. Tourism offices, meanwhile, are promoting the sleeper service to hikers and skiers, who until now had to drive.',
        ),
        h(2, 'What it cost'),
        p(
          'The reopening cost 412 million crowns, shared between the national rail infrastructure fund, the regional government and a European cohesion grant. That is almost three times the estimate made shortly after the landslide, a rise that the regional audit office attributed mainly to the decision to move the line rather than repair it, and to construction prices that rose sharply in the years the project was on hold.',
        ),
        p(
          'Critics argued at the time that the money would have bought decades of bus services. Supporters pointed to the road’s winter closures, which averaged 19 days a year over the past decade, and to forecasts that the line would carry around 1,200 passengers a day once the summer timetable begins.',
        ),
        ul(
          'Length: 74 km, 11 stations',
          'Trains: four return services a day, six in summer, plus a weekly sleeper',
          'Journey to the regional capital: 1 hour 56 minutes',
          'Cost of reopening: 412 million crowns',
        ),
        p(
          'The sleeper, which uses refurbished carriages bought second-hand from another operator, has been a surprise success before it has even run. Its first eight departures sold out within two days, and the operator says it is looking for a second set of carriages so that it can run twice a week from next winter.',
        ),
        p(
          'For Tereza Holub, who runs the bakery opposite Lower Ostrel station and remembers the last train in 2014, the question of who the line is for can wait. “For eleven years the station was a bus stop with a roof,” she said. “Today it is a station again.”',
        ),
        p(i('This article was updated to include the operator’s response on the timetable.')),
      ),
  },
  {
    slug: 'border-towns-share-a-single-fire-brigade',
    title: 'Two border towns will share a single fire brigade, a first for the region',
    standfirst: 'Altberg and Sornay face each other across a river and a national frontier. From next spring, one crew will answer calls on both banks.',
    language: 'en',
    categories: ['europe'],
    tags: ['Public services', 'Jobs'],
    authors: ['maren-holt'],
    featuredImage: 'twin-towns',
    hoursAgo: 260,
    body: () =>
      doc(
        p(
          'For most of the past century, a fire on the east bank of the river Sorne was a matter for Altberg’s volunteer brigade, and a fire on the west bank for Sornay’s. The two stations are 600 metres apart. The bridge between them takes about a minute to cross.',
        ),
        p(
          'From next spring that will change. Under an agreement signed by both town councils and approved by the two national interior ministries, the towns will merge their crews into a single brigade, housed in Sornay’s newer station, with a second engine kept at Altberg for the old town’s narrow streets.',
        ),
        p(
          'It is the first shared emergency service of its kind on this stretch of the frontier, and officials on both sides say it was driven less by idealism than by arithmetic. Each town had struggled to keep a full roster of volunteers, and each was facing the cost of replacing an ageing ladder truck.',
        ),
        quote('We were each buying half of what we needed. Now we buy one thing, properly, and we share it.', 'Lucie Marchetti, mayor of Sornay'),
        h(2, 'Two laws, one crew'),
        p(
          'The harder work was legal. Firefighters from one country had no clear authority to break down a door in the other, and their insurance did not follow them across the bridge. The agreement gives crew members equal powers on both banks and sets out which country’s rules apply when they differ, generally those of the place where the fire is.',
        ),
        p(
          'Training will be joint, and radio traffic will move to a shared channel. Because the towns speak different first languages, every crew member will take a course in the other language’s operational vocabulary. “You do not need poetry on a fire ground,” said Altberg’s brigade commander, Pieter Aalders. “You need fifty words and you need them to be the same fifty words.”',
        ),
        h(2, 'Watched by others'),
        p(
          'Several other twinned towns along the border have asked for copies of the agreement. The interior ministries have said they will review the arrangement after two years before deciding whether it can serve as a model.',
        ),
        p(
          'For residents, the most visible change may be the new engine, which will carry the crests of both towns on its doors. The design was chosen by pupils at the two primary schools, who also asked, unsuccessfully, for it to be painted green.',
        ),
      ),
  },
  {
    slug: 'fishing-port-bets-on-seaweed-as-quotas-shrink',
    title: 'A northern fishing port bets on seaweed as cod quotas shrink',
    standfirst:
      'In Marrenvik, crews that once landed cod are learning to grow kelp on ropes. The harvest is small so far, but the town says it has no time to wait.',
    language: 'en',
    categories: ['europe', 'climate'],
    tags: ['Oceans', 'Jobs', 'Climate'],
    authors: ['maren-holt', 'parisa-rahimi'],
    featuredImage: 'fishing-harbour',
    hoursAgo: 520,
    body: () =>
      doc(
        p(
          'At first light the boats still leave Marrenvik harbour in the old order, the largest first. But three of the town’s eleven vessels no longer head for the fishing grounds. They motor fifteen minutes up the fjord to a grid of yellow buoys, where long ropes hang a few metres below the surface, furred with brown kelp.',
        ),
        p(
          'The seaweed farm, set up two years ago by a co-operative of fishing families, harvested 38 tonnes last season. It is a modest figure next to the cod the town once landed, but the co-operative expects to triple it within three years as it adds lines and learns which strains grow best in the cold, sheltered water.',
        ),
        h(2, 'Why the change'),
        p(
          'Cod quotas in these waters have fallen by more than half in a decade as stocks have moved north with warming seas. For a town of 2,300 people, where almost every household has a link to the harbour, the decline has been felt in school rolls as much as in catch statistics.',
        ),
        quote(
          'My grandfather fished here, my father fished here. I still fish here three days a week. The other two days I am a farmer, and I am not ashamed of it.',
          'Håkon Rydal, co-operative member',
        ),
        p(
          'Kelp needs no feed or fertiliser, and as it grows it takes up dissolved nutrients and some carbon from the surrounding water. Researchers caution that the climate benefit depends heavily on what happens to the harvest: seaweed that is eaten or composted releases most of that carbon again within a short time.',
        ),
        p(
          'The co-operative sells most of its crop to a processor that dries and mills it for animal feed and food ingredients. A smaller share goes fresh to restaurants along the coast, at prices several times higher.',
        ),
        h(2, 'The limits'),
        p(
          'The work is seasonal and, for now, pays less than fishing in a good year. Storms can strip lines, and a warm autumn two years ago brought a bloom of small grazing snails that damaged much of the crop. The co-operative has taken out a loan backed by the regional development fund, and its members know the bet could fail.',
        ),
        ul(
          'Farm size: 24 hectares of lines, licensed for 60',
          'Harvest last season: 38 tonnes wet weight',
          'Jobs: 14 part-time, most shared with fishing',
          'Main buyer: a feed and food-ingredient processor on the coast',
        ),
        p(
          'Still, younger residents say the farm has changed the mood in town. Two of the co-operative’s newest members are in their twenties and had moved away for work. “There is a reason to come back that is not only nostalgia,” said one of them, Sigrid Amundsen, 26.',
        ),
      ),
  },
  {
    slug: 'valbrune-dark-sky-village-counts-its-visitors',
    title: 'Under some of Europe’s darkest skies, a mountain village counts its visitors',
    standfirst:
      'Since Valbrune dimmed its street lamps to become a dark-sky reserve, stargazers have filled its guesthouses in the quietest months of the year.',
    language: 'en',
    categories: ['europe', 'science'],
    tags: ['Tourism', 'Wildlife', 'Energy'],
    authors: ['maren-holt'],
    featuredImage: 'dark-sky-village',
    hoursAgo: 1180,
    body: () =>
      doc(
        p(
          'Five years ago the village council of Valbrune voted to replace every one of its 212 street lamps with shielded, warm-coloured lights that point only at the ground, and to switch most of them off after midnight. Some residents worried about safety. Others simply thought it an odd use of public money.',
        ),
        p(
          'Today the lamps are a tourist attraction. On clear nights in late autumn, when the village would once have been almost empty, small groups gather on the football pitch with telescopes, folding chairs and flasks of soup, waiting for the Milky Way to rise over the eastern ridge.',
        ),
        p(
          'Guesthouse bookings between October and March have roughly doubled, according to the local tourist office, and the village now runs a monthly “night walk” guided by volunteers from an amateur astronomy society in the valley below.',
        ),
        quote(
          'We used to say our season was July and August. Now we have a second season, and it happens in the dark.',
          'Odile Ferrand, who runs a guesthouse in Valbrune',
        ),
        h(2, 'How dark is dark?'),
        p(
          'Sky brightness is measured in magnitudes per square arcsecond, a scale on which a larger number means a darker sky. Readings from a meter on the roof of Valbrune’s school regularly reach 21.8, close to the natural limit, compared with about 18 in the suburbs of a large city, where only the brightest stars can be seen.',
        ),
        p(
          'Researchers at a university observatory two hours away, which helped the village design its lighting, say the changes have benefits beyond stargazing. Artificial light at night disrupts moths, bats and migrating birds, and the dimmer village has seen more of all three, although the monitoring is too recent to draw firm conclusions.',
        ),
        p(
          'The council says electricity spending on street lighting fell by about 60 per cent. Complaints, after an initial flurry, have almost stopped. The one exception is the church, whose floodlights were switched off and which, the parish says, “no longer looks like a postcard at night”. A compromise is being discussed: lights on for weddings.',
        ),
      ),
  },
  {
    slug: 'solar-fridges-carry-vaccines-to-remote-clinics',
    title: 'Cold chain on wheels: solar fridges carry vaccines to remote highland clinics',
    standfirst:
      'A programme in the Zarqin highlands has cut vaccine losses to almost zero by replacing kerosene fridges and ice boxes with solar-powered units, some of them mounted on motorbikes.',
    language: 'en',
    categories: ['middle-east', 'health', 'world'],
    tags: ['Public health', 'Vaccines', 'Energy'],
    authors: ['parisa-rahimi'],
    featuredImage: 'highland-road',
    hoursAgo: 140,
    body: (media) =>
      doc(
        p(
          'Most vaccines must be kept between two and eight degrees Celsius from the factory to the moment they are given. Too warm, and they lose potency. Frozen, some are ruined outright. For clinics on the Zarqin plateau, where summer days pass 40 degrees and the electricity supply is unreliable, that narrow band has long been the hardest part of immunising children.',
        ),
        p(
          'Three years ago the regional health directorate and the Highland Health Partnership, a non-profit group, began replacing the plateau’s kerosene fridges with solar units that need no batteries: the panels freeze a bank of ice during the day, and the ice keeps the vaccines cold overnight and through cloudy spells.',
        ),
        p(
          'The programme now covers 46 clinics. Temperature loggers in every fridge upload readings by text message, and a small team in the regional capital is alerted when a unit drifts outside the safe range.',
        ),
        portrait(media, 'portrait-samira-haddad', 'Samira Haddad', 'nurse coordinator of the cold-chain programme'),
        quote(
          'Before, we found out a fridge had failed when the vials came back useless. Now my phone tells me before the vaccine is at risk, and somebody can drive out the same day.',
          'Samira Haddad, nurse coordinator',
        ),
        h(2, 'The last kilometres'),
        p(
          'The furthest villages are too small for a clinic of their own. For those, the programme uses insulated boxes fitted to motorbikes, with a small solar panel on the rear rack that powers a fan and a temperature display. Outreach nurses ride out on fixed days each month, and families are reminded by text message the evening before.',
        ),
        p(
          'According to the directorate, the share of vaccine doses discarded because of temperature problems fell from about one in seven to less than one in a hundred in the clinics that switched to solar. Coverage of the full childhood schedule in the most remote district rose from 61 to 84 per cent over the same period, although officials note that more staff and better reminders also played a part.',
        ),
        p(
          'The fridges themselves look unremarkable: white chest units, slightly larger than a domestic freezer, with a panel on the roof or on a pole beside the clinic. Inside, the vaccine compartment is wrapped in a jacket of water that freezes during the day. On a clear summer day the panels produce far more power than the fridge needs, and the surplus now charges the clinics’ phones and lights in the evening.',
        ),
        p(
          'Every nurse on the plateau has taken a two-day course on the new equipment, including how to pack a cold box so that vials never touch the ice, a common cause of freezing damage. The course was designed with the nurses themselves, and much of it consists of practical exercises rather than lectures.',
        ),
        h(2, 'What it costs'),
        ul(
          'A solar fridge costs roughly three times as much as a kerosene one, but has almost no running costs.',
          'Kerosene for a single clinic fridge used to cost more than a nurse’s monthly salary each year.',
          'Motorbike cold boxes are assembled locally from imported panels and insulation.',
        ),
        p(
          'The biggest remaining risk, Haddad says, is not technical. Two trained technicians cover the entire plateau, and a broken unit in a remote valley can still take days to repair. The partnership is training clinic staff to handle simple faults themselves, starting with the most common one: dust on the panels.',
        ),
      ),
  },
  {
    slug: 'caravanserai-reopens-as-library-and-guesthouse',
    title: 'A 300-year-old caravanserai reopens as a library and guesthouse',
    standfirst:
      'The restored inn at Dar al-Nakhil once sheltered traders and their camels. Now its arcades hold 20,000 books and a reading room that stays open until midnight.',
    language: 'en',
    categories: ['middle-east', 'books'],
    tags: ['Heritage', 'Libraries', 'Tourism'],
    authors: ['lena-varga'],
    featuredImage: 'caravanserai',
    hoursAgo: 860,
    body: () =>
      doc(
        p(
          'The caravanserai at Dar al-Nakhil was built around a single square courtyard, with a well in the centre and 40 vaulted rooms along the walls where merchants slept above their goods. For two centuries it was a day’s travel from the nearest similar inn in either direction. By the 1970s it was roofless, used to pen goats, and slowly filling with sand.',
        ),
        p(
          'After seven years of restoration, the building has reopened as the oasis town’s public library, with a guesthouse in the upper rooms whose income pays for the librarians. On the opening night the courtyard was lit with lanterns and the well, which still holds water, was covered with a glass disc so that visitors could look down into it.',
        ),
        h(2, 'Built with the old methods'),
        p(
          'The restorers worked almost entirely with mud brick and lime plaster made on site, and trained 30 young people from the town in the techniques. Thick walls and small openings keep the interior cool through the summer without air-conditioning in most rooms, which the architects say was a condition of the project from the start.',
        ),
        quote(
          'People asked us why we did not simply build a new library next to the ruin. The answer is that the ruin was already the most beautiful building in town. It only needed a purpose.',
          'Rania Tabbal, project architect',
        ),
        p(
          'The collection, assembled partly from donations, includes children’s books, technical manuals and a growing local-history archive of letters, photographs and account books lent by families whose ancestors traded through the town. A scanning room in one of the old stables is digitising them.',
        ),
        h(2, 'Open late'),
        p(
          'Because daytime temperatures are high for much of the year, the reading room opens at four in the afternoon and closes at midnight. Librarians say the late hours have been especially popular with secondary-school students, who come to study after the heat of the day.',
        ),
        p(
          'Guest rooms are booked several months ahead, mostly by visitors from the region. Each room is named after a town on the old caravan route, and each contains a shelf of books about that town. Guests are invited, though not required, to leave one book behind when they go.',
        ),
      ),
  },
  {
    slug: 'andean-glacier-monitors-go-solar',
    title: 'On the glaciers of the Sierra Alta, monitoring stations go solar to survive funding cuts',
    standfirst: 'Scientists who have tracked the range’s shrinking ice for three decades have rebuilt their network to run for years without a visit.',
    language: 'en',
    categories: ['americas', 'climate'],
    tags: ['Climate', 'Water', 'Data'],
    authors: ['parisa-rahimi'],
    featuredImage: 'andes-range',
    hoursAgo: 700,
    body: () =>
      doc(
        p(
          'The weather station on the Cresta Blanca glacier stands at 5,100 metres, a four-day walk and climb from the nearest road. For most of its 30-year life it has needed a team to haul up fresh batteries every spring. Last season, that team carried something different: a folding solar array, a lithium battery designed for polar cold and a satellite modem the size of a paperback.',
        ),
        p(
          'The Institute of Andean Glaciology, which runs 14 stations across the Sierra Alta, has spent two years converting its network so that each station can run unattended for up to five years and report its data daily by satellite. The work was prompted, its director says, by a simple calculation: the institute’s budget for fieldwork has fallen by a third, and expeditions are the most expensive thing it does.',
        ),
        quote(
          'If we can only afford to visit a station every few years, the station has to be able to look after itself. Otherwise we lose the record, and a climate record with holes in it is worth much less.',
          'Tomás Quispe, director of the Institute of Andean Glaciology',
        ),
        h(2, 'Three decades of retreat'),
        p(
          'The stations have documented a steady loss of ice. The institute’s reference glacier has retreated by 1.4 kilometres since measurements began and thinned by an average of 31 metres. Several smaller glaciers in the range have broken up into separate patches of ice that no longer flow.',
        ),
        p(
          'Meltwater from the Sierra Alta feeds rivers that supply drinking water, irrigation and hydropower to towns in the valleys below. In the dry season, glacier melt can account for more than half of the flow in some of those rivers, which is why municipal water boards are among the institute’s most attentive readers.',
        ),
        h(2, 'Open data'),
        p(
          'Readings from the rebuilt network are published on the institute’s ',
          a('open data portal', 'https://example.org/andean-glaciology/data'),
          ' within a day. Water boards in three provinces have begun feeding them into their forecasts of dry-season supply.',
        ),
        p(
          'The conversion has not been without setbacks. One station was toppled by wind within weeks of its upgrade, and another stopped transmitting during a stretch of heavy snowfall that buried its panel. Both were repaired on the same expedition, which the team, with some irony, describes as the last routine visit they hope to make for a while.',
        ),
      ),
  },
  {
    slug: 'river-cooperative-cuts-freight-costs-for-twelve-towns',
    title: 'The river co-operative that cut freight costs for twelve towns',
    standfirst:
      'Along the upper Río Verde, where there are no roads, a boat co-operative owned by its customers has undercut private operators and stabilised prices in local markets.',
    language: 'en',
    categories: ['americas', 'economy'],
    tags: ['Shipping', 'Prices', 'Transport'],
    authors: ['idris-calloway'],
    featuredImage: 'river-market',
    hoursAgo: 1010,
    body: () =>
      doc(
        p(
          'For the twelve towns strung along the upper Río Verde, the river is the only road. Everything that is not grown or made locally, from cooking gas to school textbooks, arrives by boat, and for years the price of that journey was set by a handful of private operators who could charge what the market would bear.',
        ),
        p(
          'In 2016, a group of shopkeepers, farmers and two parish councils pooled their savings to buy a second-hand cargo boat. The Cooperativa Fluvial del Alto Verde now runs five vessels, carries passengers as well as freight, and is owned by its 1,900 members, each of whom holds one share and one vote.',
        ),
        h(2, 'What happened to prices'),
        p(
          'According to figures compiled by the co-operative and checked against the regional statistics office’s price survey, the cost of shipping a standard 50-kilogram sack from the river port at the foot of the valley to the furthest town fell by about 40 per cent in the co-operative’s first three years. Private operators cut their own rates to compete.',
        ),
        p(
          'The effect on shop prices was smaller but noticeable. Staples such as rice, oil and sugar in the upper-river towns now cost about 12 per cent more than in the river port, compared with a gap of more than 25 per cent before the co-operative began operating.',
        ),
        quote(
          'We did not set out to destroy anyone’s business. We set out to stop paying for the same journey three times over.',
          'Rosa Inga, the co-operative’s elected president',
        ),
        h(2, 'The economics of a members’ boat'),
        p(
          'The co-operative’s model is not complicated. It aims to cover its costs, maintain a reserve for repairs and return any surplus to members as a discount on the following year’s freight. It does not pay dividends, and no member can own more than one share.',
        ),
        ul(
          'Members: 1,900, in all twelve towns',
          'Fleet: five boats, two of them built in the valley',
          'Reserve fund: about four months of operating costs',
          'Governance: one member, one vote; board elected every two years',
        ),
        p(
          'The model has weaknesses. The co-operative depends on a small number of skilled pilots, and a boat out of service for repairs can disrupt deliveries for a week. Critics among the private operators say it has an unfair advantage because it does not need to make a profit. Its members reply that this is rather the point.',
        ),
        p(
          'Economists who study the region say the case shows how much of the cost of living in remote places is determined by transport rather than by the price of goods themselves. A development agency has funded a study of whether the model could work on two neighbouring rivers.',
        ),
      ),
  },
  {
    slug: 'island-states-test-shared-hurricane-warning-network',
    title: 'Caribbean island states test a shared hurricane early-warning network',
    standfirst:
      'Eight small islands are linking their weather radars and alert systems so that no single island has to carry the cost of watching the whole sea.',
    language: 'en',
    categories: ['americas', 'climate'],
    tags: ['Climate', 'Oceans', 'Flooding'],
    authors: ['parisa-rahimi'],
    featuredImage: 'fishing-harbour',
    hoursAgo: 380,
    body: () =>
      doc(
        p(
          'When a hurricane forms in the tropical Atlantic, every island in its possible path needs the same information at the same time: where the storm is, how strong it is, how fast it is moving and how high the sea will rise. For small island states, each with its own weather service, producing that information alone has meant duplicated equipment, thin staffing and gaps in coverage.',
        ),
        p(
          'This season, eight of them are testing an alternative. The Leeward Meteorological Partnership links three existing weather radars, a network of automatic tide gauges and the islands’ emergency-alert systems into a single shared platform, with forecasters on each island able to see the full picture.',
        ),
        h(2, 'One picture, eight decisions'),
        p(
          'The partnership does not take decisions away from national governments. Each island still decides whether to issue a warning, open shelters or close its port. But the forecasters making those calls now work from the same data and speak on a shared call twice a day when a storm is within range.',
        ),
        quote(
          'A radar on one island sees the storm that will hit its neighbour tomorrow. It made no sense that the neighbour could not see that picture in real time.',
          'Dr Annalise Baptiste, the partnership’s coordinator',
        ),
        p(
          'The network also sends alerts directly to mobile phones in the affected area, in English and in the local creole languages, and to a radio service that continues when mobile networks fail. Fishing co-operatives, whose members are often at sea for several days, receive warnings by satellite messenger.',
        ),
        h(2, 'A quiet test'),
        p(
          'So far the season has been quiet, and the system has mainly been tested in exercises. In the largest, run with a simulated storm moving across the chain of islands, alerts reached phones in the exercise area within four minutes of the decision to issue them.',
        ),
        p(
          'The partnership’s first two years are funded by a regional development bank. After that, each island will pay a share based on its population. Officials say the cost will still be lower than maintaining separate systems, though some finance ministries have yet to commit.',
        ),
        p(
          'Forecasters describe the arrangement as a practical response to a warming climate, in which the strongest storms are expected to become more intense even if they do not become more frequent. “We cannot change the sea,” said one. “We can change how quickly we tell people what the sea is about to do.”',
        ),
      ),
  },
];
