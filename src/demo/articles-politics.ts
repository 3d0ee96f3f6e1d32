/**
 * @module demo/articles-politics
 * Demo articles for Politics » Parliament and City Hall. The Republic of Aldria, its Assembly
 * and the city of Velmar are fictional.
 */
import { a, b, doc, h, i, p, pullQuote, quote, quoteCard, ul } from '../modules/article/document.js';
import type { DemoArticle } from './corpus-types.js';
import { portrait, postedHoursAgo, socialUrl } from './helpers.js';

export const politicsArticles: DemoArticle[] = [
  {
    slug: 'assembly-passes-coastal-protection-bill',
    title: 'Assembly passes coastal protection bill after late-night session',
    standfirst:
      'The law sets up a national fund for sea defences and, for the first time, lets the state buy out homes at the highest risk of flooding. It passed by 94 votes to 61.',
    language: 'en',
    categories: ['parliament', 'climate', 'politics'],
    tags: ['Parliament', 'Climate', 'Flooding'],
    authors: ['elias-brenner'],
    featuredImage: 'parliament',
    hoursAgo: 440,
    updatedHoursAfter: 9,
    body: () =>
      doc(
        p(
          'The Aldrian Assembly approved the Coastal Protection Act shortly after one o’clock in the morning, ending a debate that had run for almost eleven hours and included more than 80 amendments. The bill passed by 94 votes to 61, with 5 abstentions.',
        ),
        p(
          'The law creates a national Coastal Resilience Fund, which will pay for sea walls, dune restoration and drainage in the 31 municipalities on the coast. Until now, those costs have been borne mostly by the municipalities themselves, which the government says left poorer towns unable to protect themselves.',
        ),
        h(2, 'The buy-out clause'),
        p(
          'The most contested section allows the state to offer to buy homes in areas where the cost of protection is judged to exceed the value of what would be protected. Owners would receive the pre-flood market value of their property, assessed independently. The offers would be voluntary.',
        ),
        quote(
          'Nobody will be forced out of their home. But we owe people an honest choice, made in time, rather than a promise of protection we cannot keep.',
          'Lotte Brandvold, environment minister',
        ),
        p(
          'Opposition members argued that the clause would depress property values along the whole coast by marking some areas as not worth saving, and that the criteria for deciding which areas qualify were left too vague. An amendment requiring each designation to be approved by the local council was narrowly defeated.',
        ),
        quote(
          'This bill draws a line on a map and tells the people on the wrong side of it that their town has a closing date.',
          'Kasper Niel, opposition spokesman on the environment',
        ),
        h(2, 'How the money will be shared'),
        p(
          'The fund will start with 1.2 billion crowns over five years, drawn from the state budget and from a new levy on property insurance policies of about 40 crowns a year per household. Municipalities will apply for grants to cover up to 80 per cent of the cost of a project, or up to 95 per cent for those with the lowest tax base.',
        ),
        p(
          'An independent board of engineers, economists and ecologists will rank applications. The law requires it to prefer “nature-based” measures, such as restoring dunes and salt marshes, where they would offer comparable protection to hard defences like sea walls, which can shift erosion further along the coast.',
        ),
        p(
          'Mayors of several coastal towns, who had lobbied for the fund for years, welcomed the law but warned that the sums were small compared with the need. A report commissioned by the association of coastal municipalities last year estimated the cost of protecting all populated stretches of the coast at 14 billion crowns over thirty years.',
        ),
        h(2, 'What happens next'),
        ul(
          'The fund opens to applications from municipalities in the new year.',
          'A national coastal risk map, which will determine where buy-outs can be offered, must be published within 18 months.',
          'The first buy-out offers cannot be made until the map has been through a public consultation.',
        ),
        p(
          'An analysis of the government’s figures by this newspaper suggests that fewer than 1,500 homes would fall into the highest risk category on current projections, about a third of them in the low-lying districts around the Velmar estuary. The environment ministry said the number could change once the map is complete.',
        ),
        p(i('Updated to include the final vote count and the result of the amendment on local council approval.')),
      ),
  },
  {
    slug: 'voting-age-16-what-the-committee-heard',
    title: 'Votes at 16: what the Assembly’s committee heard',
    standfirst:
      'After three months of hearings, the constitutional committee has published its report on lowering the voting age. It makes no recommendation, but sets out the evidence on both sides.',
    language: 'en',
    categories: ['parliament'],
    tags: ['Parliament', 'Elections', 'Youth'],
    authors: ['elias-brenner'],
    featuredImage: 'parliament',
    hoursAgo: 610,
    body: (media) =>
      doc(
        p(
          'Should 16- and 17-year-olds be allowed to vote in national elections? The Assembly’s constitutional committee heard from 42 witnesses, including political scientists, teachers, election officials and a panel of secondary-school students, before publishing its report this week.',
        ),
        p(
          'The committee was split, and its report says so. Instead of a recommendation, it offers what its chair calls “a map of the argument” for the full Assembly, which must decide whether to hold a vote on changing the constitution.',
        ),
        p(
          'Any change would take time. Amending the constitution requires a two-thirds majority in the Assembly in two separate votes with a general election in between, so even if the process began this year, 16-year-olds could not vote in a national election before the one after next.',
        ),
        portrait(media, 'portrait-grace-achterberg', 'Grace Achterberg', 'chair of the Assembly’s constitutional committee'),
        quote(
          'We could not agree on the answer. We could agree on the facts, and we think that is worth something in a debate where people often cannot.',
          'Grace Achterberg, committee chair',
        ),
        h(2, 'The case for'),
        ul(
          'Evidence from places that have lowered the voting age suggests that people who vote in their first eligible election are more likely to keep voting.',
          'At 16, most young people still live at home and attend school, where civic education can be linked to a real election.',
          '16-year-olds can already work, pay tax and, in Aldria, leave school.',
        ),
        h(2, 'The case against'),
        ul(
          'Most legal markers of adulthood in Aldria, including the right to stand for election, begin at 18.',
          'Turnout among 16- and 17-year-olds in the comparable local elections studied was lower than among older voters in some cases.',
          'Several witnesses warned against changing the constitution without clear public support.',
        ),
        p(
          'Opinion polling commissioned by the committee found the public divided, with 44 per cent in favour, 47 per cent against and the rest undecided. Support was highest among people aged 18 to 29.',
        ),
        p(
          'The student panel was less divided. Eleven of its twelve members supported the change, although several said they would prefer it to be tried in municipal elections first, an option the report describes in some detail. ',
          a('The full report', 'https://example.org/assembly/reports/voting-age'),
          ' is published on the Assembly’s website.',
        ),
      ),
  },
  {
    slug: 'explainer-new-party-funding-rules',
    title: 'Explainer: how the new party-funding rules will work',
    standfirst:
      'Caps on donations, faster disclosure and a ban on anonymous gifts over 500 crowns take effect before the next general election. Here is what changes.',
    language: 'en',
    categories: ['parliament', 'politics'],
    tags: ['Parliament', 'Elections'],
    authors: ['elias-brenner', 'idris-calloway'],
    featuredImage: 'parliament',
    hoursAgo: 930,
    body: () =>
      doc(
        p(
          'The Political Finance Act, passed by the Assembly in the spring, is the biggest change to the rules on paying for politics in Aldria in a generation. Most of it takes effect on the first day of next year. We went through the text and the Electoral Commission’s guidance to set out what it means in practice.',
        ),
        h(2, 'Donations'),
        p(
          'Individuals may give a party no more than 25,000 crowns a year, and companies are barred from donating altogether. Gifts above 500 crowns must be made in the donor’s name; anonymous donations above that level must be returned or passed to the Electoral Commission.',
        ),
        h(2, 'Disclosure'),
        p(
          'Parties must publish every donation above 5,000 crowns within 30 days, down from once a year under the old rules. During the six weeks before an election, the deadline shrinks to seven days.',
        ),
        quote(
          'Voters will be able to see who is funding a campaign while the campaign is still going on, not a year after it has ended.',
          'Daniel Moss, chair of the Electoral Commission',
        ),
        h(2, 'Spending'),
        p(
          'The national spending limit for each party in a general election rises slightly, to 18 million crowns, and for the first time it covers online advertising bought by third parties acting in coordination with a party.',
        ),
        h(2, 'What does not change'),
        ul(
          'Public funding for parties, based on their share of the vote, continues at the current rate.',
          'Membership fees remain exempt from the donation cap.',
          'Local election campaigns keep their separate, lower limits.',
        ),
        h(2, 'Will it work?'),
        p(
          'Transparency groups broadly welcomed the law but say the Electoral Commission will need more staff to check thousands of additional filings. The commission has asked for a 30 per cent increase in its budget; the finance ministry has so far offered half of that.',
        ),
        p(
          'Smaller parties, which rely more heavily on a few large donors, say the cap will hurt them most. An analysis by this newspaper of last year’s filings found that ',
          b('only 37 donations'),
          ' across all parties exceeded the new 25,000-crown limit, but that more than half of them went to parties with fewer than ten seats.',
        ),
      ),
  },
  {
    slug: 'velmar-harbour-front-goes-car-free-on-summer-weekends',
    title: 'Velmar council approves car-free harbour front on summer weekends',
    standfirst:
      'From next summer, Quay Street and the Old Harbour will close to traffic on Saturdays and Sundays between June and September, after a trial drew more visitors and fewer complaints than expected.',
    language: 'en',
    categories: ['city-hall', 'politics'],
    tags: ['City council', 'Transport', 'Tourism'],
    authors: ['elias-brenner'],
    featuredImage: 'harbour-old-port',
    hoursAgo: 96,
    body: (media) =>
      doc(
        p(
          'Velmar’s city council voted 27 to 14 to close the harbour front to cars on summer weekends, making permanent a scheme that ran as a six-week trial last year. The closure covers Quay Street, the Old Harbour and the lower end of Rope Walk.',
        ),
        p(
          'During the trial, pedestrian counters recorded about 30 per cent more people on the harbour front on closed weekends than on comparable weekends the year before. Takings reported by cafés and shops in a survey by the traders’ association were up on average, although a minority reported falls.',
        ),
        portrait(media, 'portrait-jonas-weir', 'Jonas Weir', 'mayor of Velmar'),
        quote(
          'The harbour is the city’s living room. For two days a week in summer, we are going to stop using it as a car park.',
          'Jonas Weir, mayor of Velmar',
        ),
        h(2, 'Deliveries and access'),
        p(
          'Deliveries will be allowed before 10am, and residents with a permit, disabled drivers and emergency vehicles will keep access at all times. The council will run a free electric shuttle from the car park at the ferry terminal to the fish market every ten minutes.',
        ),
        p(
          'The opposition group on the council supported the idea in principle but voted against, arguing that traders in the side streets behind the harbour had not been properly consulted. Some of those traders say they lost customers during the trial as drivers avoided the area altogether.',
        ),
        quoteCard({
          author: 'Rope Walk Traders',
          handle: '@ropewalktraders',
          date: postedHoursAgo(100),
          text: 'We are not against a car-free harbour. We are against being forgotten 200 metres from it. Signposting and shuttle stops on Rope Walk, please. #CarFreeHarbour #Transport',
          url: socialUrl('ropewalktraders', '1180034417'),
          network: 'Bluesky',
        }),
        p(
          'The council says it will add a shuttle stop at the top of Rope Walk and new signs directing visitors from the harbour into the surrounding streets. A review is scheduled after the first full summer.',
        ),
      ),
  },
  {
    slug: 'velmar-central-library-reopens-after-renovation',
    title: 'Velmar Central Library reopens after a three-year renovation',
    standfirst: 'The restored 1912 reading room is back, with a new children’s floor, a rooftop terrace and opening hours that run until ten at night.',
    language: 'en',
    categories: ['city-hall', 'books'],
    tags: ['Libraries', 'Public services', 'Heritage'],
    authors: ['lena-varga'],
    featuredImage: 'library-reading-room',
    hoursAgo: 330,
    body: (media) =>
      doc(
        p(
          'A queue had formed on the steps of Velmar Central Library an hour before its doors reopened, and by the end of the first day more than 6,000 people had come through them, according to the city’s count. Many headed straight for the reading room, the library’s domed centrepiece, which has been closed since the start of a renovation that ran a year over schedule.',
        ),
        p(
          'The 1912 room has been restored to something close to its original appearance, with oak shelving, green-shaded lamps on its long tables and a ceiling painted with constellations that had been hidden under several layers of cream paint since the 1960s. Restorers found the stars while testing for asbestos.',
        ),
        portrait(media, 'portrait-ruth-amsel', 'Ruth Amsel', 'head librarian, Velmar Central Library'),
        quote(
          'A library is one of the last places in a city where you can stay as long as you like without buying anything. We wanted the building to say that clearly, from the front steps to the roof.',
          'Ruth Amsel, head librarian',
        ),
        h(2, 'What is new'),
        ul(
          'A children’s floor with a story-telling room and a small stage',
          'Study rooms that can be booked online, open until 10pm',
          'A “library of things” lending tools, sewing machines and musical instruments',
          'A rooftop terrace with views over the harbour, open in good weather',
        ),
        p(
          'The longer opening hours have been paid for by hiring 14 additional staff, most of them part-time, and by opening the ground floor on Sunday afternoons with a self-service loans desk. The city says visits to branch libraries, which were used as temporary central sites during the renovation, will be monitored to make sure they are not neglected now that the main building has reopened.',
        ),
        p(
          'The renovation cost 48 million crowns, about 15 per cent more than budgeted, which the city attributes mainly to structural repairs to the dome that were only discovered once work began. Opposition councillors have asked for an independent review of the overrun.',
        ),
        quoteCard({
          author: 'Mira Castellan',
          handle: '@miracastellan',
          date: postedHoursAgo(332),
          text: 'Took my daughter to the reopened Central Library. She found the stars on the ceiling before I did, then refused to leave the children’s floor. Three years well spent. #Libraries #Velmar',
          url: socialUrl('miracastellan', '9031772650'),
          network: 'Mastodon',
        }),
        p(
          'The library’s collection of Persian and Albanian books, which serve two of the city’s largest language communities, has doubled in size and moved to a more prominent place on the ground floor. An exhibition of Persian calligraphy will open there in the coming weeks.',
        ),
      ),
  },
  {
    slug: 'where-velmars-money-goes-budget-explained',
    title: 'Where Velmar’s money goes: next year’s city budget in six numbers',
    standfirst:
      'The council’s 3.1-billion-crown budget passed with little drama. Behind it are choices about schools, buses, debt and the harbour that will shape the city for years.',
    language: 'en',
    categories: ['city-hall', 'economy'],
    tags: ['City council', 'Budget', 'Data'],
    authors: ['elias-brenner', 'idris-calloway'],
    featuredImage: 'data-chart',
    hoursAgo: 1300,
    body: (media) =>
      doc(
        p(
          'City budgets are long documents that few people read. Velmar’s runs to 412 pages. We read them so you do not have to, and picked out the six figures that best explain where the money comes from and where it goes.',
        ),
        h(2, '1. 3.1 billion crowns'),
        p(
          'The total operating budget, up 4.2 per cent on this year, slightly faster than inflation. About half of the city’s income comes from its share of national income tax, a quarter from grants, and the rest from property tax, fees and the harbour.',
        ),
        h(2, '2. 38 per cent'),
        p(
          'The share spent on schools and childcare, by far the largest item. It includes the first year of a programme to renovate eleven primary schools built in the 1970s, several of which have leaking roofs and poor ventilation.',
        ),
        h(2, '3. 210 million crowns'),
        p('The subsidy to the city’s buses and trams, up by a fifth, mainly to pay for more frequent evening services. Fares will not rise.'),
        h(2, '4. 9 per cent'),
        p(
          'The share of income that goes on interest and debt repayments, down from 11 per cent five years ago. The city has been paying off loans taken out to build the ferry terminal.',
        ),
        h(2, '5. 65 million crowns'),
        p(
          'The income the city expects from the Port of Velmar, which it owns, up sharply after record container volumes this year. Critics warn that port profits rise and fall with world trade and should not be used to pay for permanent services.',
        ),
        h(2, '6. Zero'),
        p('The increase in property tax. It is the fourth year in a row that the rate has been frozen.'),
        portrait(media, 'portrait-jonas-weir', 'Jonas Weir', 'mayor of Velmar'),
        pullQuote('This is a budget for the ordinary business of a city: schools that do not leak and buses that come.', 'Jonas Weir, mayor of Velmar'),
        p(
          'The full budget and our data tables are available on the ',
          a('city’s open data site', 'https://example.org/velmar/budget'),
          '. If you spot something we missed, tell us through our ',
          a('contact page', '/contact/'),
          '.',
        ),
      ),
  },
  {
    slug: 'tram-line-4-route-divides-old-town-residents',
    title: 'Tram line 4: proposed route through the old town divides residents',
    standfirst:
      'The city wants to run the new line along a disused freight track and two medieval streets. Supporters see faster journeys; opponents fear noise and the loss of a quiet quarter.',
    language: 'en',
    categories: ['city-hall'],
    tags: ['Transport', 'City council', 'Rail'],
    authors: ['elias-brenner'],
    featuredImage: 'freight-spur',
    hoursAgo: 470,
    body: (media) =>
      doc(
        p(
          'Velmar’s planned fourth tram line would link the eastern housing estates to the railway station in 14 minutes, less than half the time the bus takes today. The question dividing the old town is the last kilometre.',
        ),
        p(
          'The city’s preferred route follows a disused freight spur east of the old town and then runs along Tanners’ Lane and Salt Street, two narrow medieval streets, to reach the station square. The alternative skirts the old town along the ring road, adding about three minutes and 40 million crowns to the project.',
        ),
        h(2, 'The arguments'),
        p(
          'Supporters, including the city’s transport department and a residents’ group on the eastern estates, say the direct route would serve far more people and bring customers to old-town shops that have struggled since a shopping centre opened on the ring road.',
        ),
        p(
          'Opponents, organised as the Salt Street Residents’ Association, say trams would bring noise and vibration to streets with some of the city’s oldest houses, and that overhead wires would spoil one of Velmar’s most photographed views. They also question the passenger forecasts.',
        ),
        quote(
          'We are not against trams. We are against pretending that a 14th-century street is the same as a boulevard.',
          'Henrike Vos, Salt Street Residents’ Association',
        ),
        portrait(media, 'portrait-jonas-weir', 'Jonas Weir', 'mayor of Velmar'),
        quote(
          'Every new line in every old city has had this argument. In most of them, ten years later, nobody can imagine the street without the tram.',
          'Jonas Weir, mayor of Velmar',
        ),
        h(2, 'What the consultation shows'),
        p(
          'Of 3,400 responses to the city’s consultation, 58 per cent preferred the direct route. Among respondents living in the old town, however, the figures were almost reversed, with 61 per cent preferring the ring road. The city says it will consider both measures when the council votes on the route in the spring.',
        ),
        p(
          'Engineers say the streets are wide enough for a single track with passing places, and that modern trams running on rails set in rubber would be quieter than the buses now using the same streets. The residents’ association has commissioned its own noise study.',
        ),
      ),
  },
];
