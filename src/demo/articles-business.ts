/**
 * @module demo/articles-business
 * Demo articles for Business » Economy and Markets. The Bank of Aldria, the crown and the Port of
 * Velmar are fictional.
 */
import { a, doc, h, p, quote, quoteCard, ul } from '../modules/article/document.js';
import type { DemoArticle } from './corpus-types.js';
import { portrait, postedHoursAgo, socialUrl } from './helpers.js';

export const businessArticles: DemoArticle[] = [
  {
    slug: 'bank-of-aldria-holds-rate-signals-cuts',
    title: 'Bank of Aldria holds interest rate at 3.25% and signals cuts later in the year',
    standfirst:
      'The central bank kept borrowing costs unchanged for a fourth meeting but said inflation was now falling fast enough to consider lowering them “in the coming months”.',
    language: 'en',
    categories: ['economy', 'markets'],
    tags: ['Interest rates', 'Inflation', 'Markets'],
    authors: ['idris-calloway'],
    featuredImage: 'rates-chart',
    hoursAgo: 30,
    updatedHoursAfter: 4,
    body: (media) =>
      doc(
        p(
          'The Bank of Aldria left its main policy rate at 3.25 per cent, as most economists had expected, but changed the wording of its statement in a way that markets read as a clear signal that the next move will be down.',
        ),
        p(
          'Seven of the nine members of the monetary policy board voted to hold the rate. Two voted for an immediate cut of a quarter of a percentage point, the first time since rates began rising three years ago that any member has voted for a reduction.',
        ),
        portrait(media, 'portrait-helena-strand', 'Helena Strand', 'governor of the Bank of Aldria'),
        quote(
          'Inflation is coming down, and it is coming down broadly. We are not yet sure it will stay down. When we are, we will act, and we expect that to be in the coming months rather than the coming years.',
          'Helena Strand, governor of the Bank of Aldria',
        ),
        h(2, 'Why the bank waited'),
        p(
          'Annual consumer price inflation fell to 2.4 per cent last month, within sight of the bank’s 2 per cent target. But wage growth is still running at about 4.5 per cent, and the governor said the board wanted to see evidence that pay settlements in the new year would be lower before cutting.',
        ),
        p(
          'The bank’s new forecasts show inflation reaching its target in the second half of next year and growth picking up modestly, to 1.3 per cent, as lower energy prices feed through to household spending.',
        ),
        h(2, 'What it means for borrowers'),
        ul(
          'Variable-rate mortgages, about a third of the total, will not change for now.',
          'Fixed-rate deals have already become cheaper as lenders anticipate cuts.',
          'Savings rates are likely to drift lower over the coming months.',
        ),
        quoteCard({
          author: 'Bank of Aldria',
          handle: '@bankofaldria',
          date: postedHoursAgo(30),
          text: 'Monetary policy decision: the policy rate is unchanged at 3.25%. Vote 7–2. The statement, minutes and new forecasts are on our website.',
          url: socialUrl('bankofaldria', '5500032501'),
          network: 'Mastodon',
        }),
        p(
          'Economists were divided on timing. “The door to a cut is now open, and I expect the bank to walk through it at the next meeting but one,” said Sara Lindqvist, chief economist at Velmar Savings Bank. Others expect the board to wait until the spring wage round has concluded.',
        ),
        p(
          'The crown fell against the euro after the announcement, and government bond yields dropped. Read more: ',
          a('Crown slips as investors bet on earlier cuts', '/crown-slips-as-investors-bet-on-earlier-cuts/'),
          '.',
        ),
      ),
  },
  {
    slug: 'crown-slips-as-investors-bet-on-earlier-cuts',
    title: 'Crown slips and bond yields hit two-year low as investors bet on earlier cuts',
    standfirst: 'Markets moved quickly after the Bank of Aldria’s change of tone, with the currency posting its biggest daily fall since the spring.',
    language: 'en',
    categories: ['markets', 'business'],
    tags: ['Markets', 'Interest rates'],
    authors: ['idris-calloway'],
    featuredImage: 'rates-chart',
    hoursAgo: 27,
    body: (media) =>
      doc(
        p(
          'The Aldrian crown fell 0.8 per cent against the euro within an hour of the central bank’s decision to hold interest rates while signalling that cuts are coming, its steepest daily drop since April.',
        ),
        p(
          'The yield on the ten-year government bond fell 14 basis points to 2.71 per cent, its lowest level in two years. Two-year yields, which are more sensitive to expectations about the central bank, fell further still.',
        ),
        h(2, 'Reading the signal'),
        p(
          'Traders had expected the hold but not the wording. Pricing in interest-rate futures now implies a roughly two-in-three chance of a cut at the next meeting, up from about one in three before the announcement.',
        ),
        portrait(media, 'portrait-helena-strand', 'Helena Strand', 'governor of the Bank of Aldria'),
        p(
          'At the press conference, governor Helena Strand declined to be drawn on timing, saying only that the board would “take each meeting as it comes”. Markets appeared to pay more attention to the two votes for an immediate cut.',
        ),
        quote(
          'Two dissenting votes for a cut is the bank telling you where the debate inside the building has moved. Markets were always going to take that seriously.',
          'Jonas Ekberg, head of rates strategy at Corvena Securities',
        ),
        h(2, 'Shares rise'),
        p(
          'The Corvena All-Share index rose 1.1 per cent, led by housebuilders and retailers, which stand to benefit most from lower borrowing costs. Bank shares fell, on expectations that lower rates will squeeze the margin between what banks pay savers and what they charge borrowers.',
        ),
        ul(
          'Crown against the euro: down 0.8%',
          '10-year government bond yield: 2.71%, down 14 basis points',
          'Corvena All-Share index: up 1.1%',
          'Banks sub-index: down 0.9%',
        ),
        p(
          'A weaker crown makes imports more expensive, which could slow the fall in inflation if it persists. Analysts said the move so far was too small to change the central bank’s outlook.',
        ),
      ),
  },
  {
    slug: 'port-of-velmar-container-volumes-hit-record',
    title: 'Port of Velmar container volumes hit a record as new berth opens',
    standfirst: 'The port handled 1.42 million containers in the past twelve months, helped by shipping lines rerouting to avoid congested hubs further south.',
    language: 'en',
    categories: ['economy', 'business'],
    tags: ['Shipping', 'Jobs'],
    authors: ['idris-calloway'],
    featuredImage: 'harbour-east-quay',
    hoursAgo: 200,
    body: (media) =>
      doc(
        p(
          'The Port of Velmar handled a record 1.42 million standard containers in the twelve months to the end of last month, up 11 per cent on the year before, the port company said as it opened a deep-water berth on the east quay that will let it take the largest ships now in service.',
        ),
        p(
          'Much of the growth came from two shipping lines that moved some of their northern European calls to Velmar after delays at larger ports. The port also gained from rising exports of timber and machinery from Aldria’s interior, carried to the quay by rail.',
        ),
        portrait(media, 'portrait-oskar-lind', 'Oskar Lind', 'chief executive of the Port of Velmar'),
        quote(
          'Some of this business came to us because others were full. Our job now is to make sure it stays because we are good.',
          'Oskar Lind, chief executive of the Port of Velmar',
        ),
        h(2, 'The new berth'),
        p(
          'Berth 9 has a depth of 17.5 metres and four electric ship-to-shore cranes. It can also supply shore power, allowing ships to switch off their engines while they are loaded, which the port says will cut local air pollution as well as emissions.',
        ),
        p(
          'About 60 per cent of containers now leave the port by rail, one of the highest shares in the region. The port aims to reach 70 per cent within five years, which would keep roughly 200 lorries a day off the coast road.',
        ),
        h(2, 'Jobs and the city'),
        p(
          'The port employs about 2,600 people directly. The dockworkers’ union welcomed the growth but said staffing had not kept pace, with overtime at its highest level in a decade. The company said it would hire 140 people over the coming year, including 40 apprentices.',
        ),
        p(
          'Because the city owns the port, its profits matter to Velmar’s budget. The council expects a dividend of 65 million crowns next year, a figure that some councillors say is too dependent on a boom that may not last. See: ',
          a('Where Velmar’s money goes', '/where-velmars-money-goes-budget-explained/'),
          '.',
        ),
      ),
  },
  {
    slug: 'inflation-eases-to-2-4-percent',
    title: 'Inflation eases to 2.4%, its lowest in three years, as energy and food prices fall',
    standfirst: 'Consumer prices rose at the slowest annual rate since before the energy shock, but services inflation remains stubborn.',
    language: 'en',
    categories: ['economy'],
    tags: ['Inflation', 'Prices', 'Data'],
    authors: ['idris-calloway', 'elias-brenner'],
    featuredImage: 'market-square',
    hoursAgo: 560,
    body: () =>
      doc(
        p(
          'Annual consumer price inflation in Aldria fell to 2.4 per cent last month from 2.9 per cent the month before, the national statistics office said, the lowest rate in three years and closer than economists had expected to the central bank’s 2 per cent target.',
        ),
        p(
          'The fall was driven by household energy, where prices were 9 per cent lower than a year ago, and by food, where the annual rate of increase slowed to 1.8 per cent. Fresh vegetables and dairy products were cheaper than a year earlier for the first time since the statistics office began its current series.',
        ),
        h(2, 'Services still warm'),
        p(
          'Prices of services, which depend more on wages, rose 4.1 per cent on the year. Restaurant meals, hairdressing and insurance all rose faster than the overall rate. Economists watch services closely because they tend to reflect inflation generated inside the country rather than imported from abroad.',
        ),
        quote(
          'The headline number is good news. The services number is the one the central bank will be staring at.',
          'Sara Lindqvist, chief economist at Velmar Savings Bank',
        ),
        h(2, 'What got cheaper, and what did not'),
        ul(
          'Household electricity and heating: down 9.0% on the year',
          'Fresh vegetables: down 2.3%',
          'Rents: up 3.8%',
          'Restaurants and cafés: up 5.2%',
          'Public transport: unchanged, after fare freezes in several cities',
        ),
        p(
          'At the Saturday market on Velmar’s Cornmarket Square, traders said shoppers had noticed. “People are buying a little more again, and they have stopped asking me why tomatoes cost so much,” said one vegetable seller, who has held a pitch there for 22 years.',
        ),
        p(
          'Real wages, which adjust pay for inflation, have now risen for five consecutive quarters, although they remain slightly below their level before the energy shock. The central bank has said it expects inflation to reach its target in the second half of next year.',
        ),
      ),
  },
  {
    slug: 'velmar-green-bond-four-times-oversubscribed',
    title: 'Velmar’s first green bond is four times oversubscribed',
    standfirst:
      'The city raised 400 million crowns to pay for electric buses, flood defences and school insulation, at a lower interest rate than it pays on ordinary debt.',
    language: 'en',
    categories: ['markets', 'climate'],
    tags: ['Markets', 'Climate', 'Budget'],
    authors: ['idris-calloway'],
    featuredImage: 'wind-ridge',
    hoursAgo: 760,
    body: () =>
      doc(
        p(
          'The city of Velmar has sold its first green bond, raising 400 million crowns over ten years at an interest rate of 2.95 per cent. Investors offered more than 1.6 billion crowns, four times the amount on sale, allowing the city to set a slightly lower rate than it had initially expected.',
        ),
        p(
          'Green bonds are ordinary loans in most respects, but the borrower promises to spend the money only on projects that meet published environmental criteria, and to report each year on how it was spent and what it achieved.',
        ),
        h(2, 'What the money will pay for'),
        ul(
          '180 million crowns: 60 electric buses and charging equipment at two depots',
          '120 million crowns: flood defences along the lower Kessel and the estuary',
          '100 million crowns: insulation and heat pumps in eleven primary schools',
        ),
        p(
          'Buyers were mainly pension funds and insurers, including several from abroad, many of which have commitments to hold a certain share of their investments in assets that meet environmental standards. The city’s finance department said the demand had given it a price advantage of about 0.1 percentage points over an equivalent conventional bond, worth roughly 4 million crowns over the life of the loan.',
        ),
        quote(
          'The saving is welcome, but the real value is the discipline. Every year we will have to show, project by project, what we did with the money.',
          'Nadia Kessler, the city’s finance director',
        ),
        h(2, 'The sceptics'),
        p(
          'Some economists argue that green labels add paperwork without changing what gets built, since the city would have bought the buses anyway. Others say the reporting requirements bring a useful transparency that ordinary municipal borrowing lacks.',
        ),
        p(
          'The first annual report on the bond’s use is due a year from now. The city has said it will be published alongside an independent review of whether the projects met the criteria.',
        ),
      ),
  },
];
