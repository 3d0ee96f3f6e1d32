/**
 * @module demo/articles-science
 * Demo articles for Science, Climate and Health. Studies, institutes and people are fictional.
 */
import { a, doc, h, i, p, quote, quoteCard, ul } from '../modules/article/document.js';
import type { DemoArticle } from './corpus-types.js';
import { portrait, postedHoursAgo, socialUrl } from './helpers.js';

export const scienceArticles: DemoArticle[] = [
  {
    slug: 'alpine-lakes-warming-faster-than-the-air',
    title: 'Alpine lakes are warming faster than the air above them, survey finds',
    standfirst: 'Twenty years of measurements in 48 high lakes show surface water warming by 0.45C a decade, with ice cover shrinking by almost three weeks.',
    language: 'en',
    categories: ['climate', 'europe'],
    tags: ['Climate', 'Water', 'Data'],
    authors: ['parisa-rahimi', 'maren-holt'],
    featuredImage: 'alpine-lake',
    hoursAgo: 70,
    body: (media) =>
      doc(
        p(
          'High mountain lakes in the Alps are warming faster than the air around them, according to a survey that has measured water temperatures, ice cover and plankton in 48 lakes above 1,800 metres every summer for two decades.',
        ),
        p(
          'The study, published by the Alpine Freshwater Observatory, a network of seven university research groups, found that summer surface temperatures rose by an average of 0.45C per decade, compared with about 0.3C per decade for the air temperature recorded at nearby weather stations.',
        ),
        portrait(media, 'portrait-miriam-osei', 'Miriam Osei', 'limnologist and lead author of the survey'),
        quote(
          'A lake is not just a thermometer. When its ice melts earlier, it starts absorbing sunlight weeks sooner, and that heat stays in the water. The lake amplifies the warming it is given.',
          'Miriam Osei, lead author',
        ),
        h(2, 'Less ice, more algae'),
        p(
          'The survey found that the ice-free season has lengthened by an average of 19 days since the first measurements, mostly because the ice breaks up earlier in spring. In some of the lowest lakes in the study, the ice now melts almost a month earlier than it did twenty years ago.',
        ),
        p(
          'Longer, warmer summers have changed the lakes’ biology. The researchers recorded higher concentrations of algae in two-thirds of the lakes and, in several, the appearance of plankton species previously found only at lower altitudes. Lake Sorvin, one of the deepest in the study, has begun to show signs of reduced oxygen near the bottom late in the summer.',
        ),
        h(2, 'How the survey works'),
        ul(
          'Each lake is visited at least once every summer, usually by teams on foot.',
          'Temperature loggers moored at several depths record readings every hour, all year.',
          'Satellite images are used to date the break-up and formation of ice.',
          'Water samples are analysed for nutrients, algae and plankton.',
        ),
        quoteCard({
          author: 'Alpine Freshwater Observatory',
          handle: '@alpinewaters',
          date: postedHoursAgo(74),
          text: 'Twenty summers, 48 lakes, more than 3 million temperature readings. Our long-term survey of high-altitude lakes is out today, with all the data openly available.',
          url: socialUrl('alpinewaters', '7719023344'),
          network: 'Bluesky',
        }),
        p(
          'High lakes are often described as sentinels of climate change because they are remote from direct human pressures such as farming and sewage, so changes in them are more easily attributed to the climate itself. They also supply drinking water to some mountain communities.',
        ),
        p(
          'The observatory has published its full dataset on its ',
          a('data portal', 'https://example.org/alpine-freshwater/data'),
          '. Osei said the team hoped to add lakes in other mountain ranges, and was in discussions with researchers working in the Andes and the Caucasus.',
        ),
      ),
  },
  {
    slug: 'velmar-tide-gauge-records-highest-sea-level',
    title: 'Velmar’s tide gauge records its highest annual sea level in 120 years of data',
    standfirst:
      'The harbour’s gauge, one of the oldest continuous records in the region, shows the sea 21 centimetres higher than when measurements began, with the rise accelerating.',
    language: 'en',
    categories: ['climate'],
    tags: ['Climate', 'Oceans', 'Data', 'Flooding'],
    authors: ['parisa-rahimi', 'elias-brenner'],
    featuredImage: 'data-chart',
    hoursAgo: 420,
    body: () =>
      doc(
        p(
          'The mean sea level recorded at Velmar harbour last year was the highest since a tide gauge was installed on the harbour wall in 1904, according to data published by the national hydrographic service.',
        ),
        p(
          'The annual mean was 21 centimetres above the level recorded in the gauge’s first decade. About half of that rise has occurred since 1980, and the rate over the past twenty years, 4.1 millimetres a year, is roughly double the average for the whole record.',
        ),
        h(2, 'Why one gauge matters'),
        p(
          'Long, continuous tide-gauge records are rare and valuable. Velmar’s has been maintained through two world wars and three changes of equipment, and is one of a few dozen worldwide with more than a century of almost unbroken data. Scientists use such records to check satellite measurements of the sea surface, which began only in the 1990s.',
        ),
        quote(
          'Satellites tell us what the ocean is doing everywhere. A gauge like Velmar’s tells us what it has been doing for a very long time in one place, and that is the kind of record that lets you see a trend change.',
          'Dr Henrik Sand, hydrographic service',
        ),
        p(
          'Part of the local rise reflects the land. Velmar sits on soft sediments that are slowly compacting, and precise GPS measurements show the harbour wall sinking by about half a millimetre a year. The rest is the sea itself, as warming water expands and melting ice adds to the ocean’s volume.',
        ),
        h(2, 'Higher floods, more often'),
        p(
          'The change in the average matters most at the extremes. Our analysis of the hourly data shows that water levels that were reached on average once every ten years in the 1960s now occur roughly every two to three years. Storm surges that once topped the quay only in exceptional winters now do so most years.',
        ),
        ul(
          'Gauge installed: 1904',
          'Rise since the first decade of records: 21 cm',
          'Recent rate: 4.1 mm a year',
          'Land subsidence at the gauge: about 0.5 mm a year',
        ),
        p(
          'The city is planning to raise parts of the harbour wall and the flood gates on the lower Kessel with money from its new green bond. The national coastal risk map required by the new ',
          a('Coastal Protection Act', '/assembly-passes-coastal-protection-bill/'),
          ' will use the Velmar record among its inputs.',
        ),
      ),
  },
  {
    slug: 'farmers-trial-drought-tolerant-wheat',
    title: 'Farmers on the Aldrian plains trial drought-tolerant wheat',
    standfirst:
      'After three dry summers in five years, growers are testing older varieties and new crosses that need less water. Early results are promising, but yields are lower.',
    language: 'en',
    categories: ['climate', 'science'],
    tags: ['Agriculture', 'Climate', 'Water'],
    authors: ['parisa-rahimi'],
    featuredImage: 'wheat-field',
    hoursAgo: 1090,
    body: () =>
      doc(
        p(
          'At harvest time on a farm outside the market town of Lesk, the wheat in one corner of a large field stood noticeably shorter than the rest, its ears a paler gold. It was not a failure. It was one of twelve varieties being tested by a network of 40 farms across the Aldrian plains to find out which can cope best with the dry summers that have become more frequent.',
        ),
        p(
          'The trial, coordinated by the national agricultural research institute, compares modern high-yield varieties with older regional wheats and with new crosses bred to put down deeper roots and to flower earlier, before the worst of the summer heat.',
        ),
        h(2, 'A trade-off'),
        p(
          'In the first two seasons, the drought-tolerant varieties produced about 10 to 15 per cent less grain than the standard ones in a normal year. In the dry summer two years ago, however, they out-yielded the standard varieties by as much as a quarter on the lightest soils.',
        ),
        quote(
          'Farmers are not looking for the best harvest in a good year any more. They are looking for a decent harvest in a bad one.',
          'Marta Olin, who farms 300 hectares near Lesk',
        ),
        p(
          'The institute is also testing changes in practice, such as sowing earlier in autumn, leaving more crop residue on the surface to keep moisture in the soil, and reducing ploughing. Some of the farms in the network have combined all three.',
        ),
        h(2, 'From field to loaf'),
        p(
          'One question is whether millers and bakers will want the grain. Older varieties can have different protein levels and baking qualities. Two mills in the region have agreed to test the trial harvest, and a bakery in Velmar has already produced a loaf from one of the older wheats, which it sells in small numbers at a premium.',
        ),
        p(
          'The trial runs for two more seasons. The institute says its results will be published for all growers, along with advice on which varieties suit which soils. Farmers in the network have already begun saving seed of their favourite varieties, just in case.',
        ),
      ),
  },
  {
    slug: 'velmar-opens-cool-rooms-for-heatwaves',
    title: 'Velmar opens “cool rooms” in libraries and community halls for heatwaves',
    standfirst:
      'The city’s new heat plan designates 34 public buildings where anyone can rest in cool air during extreme heat, with extra checks on elderly people living alone.',
    language: 'en',
    categories: ['health', 'city-hall'],
    tags: ['Public health', 'Climate', 'Public services'],
    authors: ['parisa-rahimi'],
    featuredImage: 'city-river',
    hoursAgo: 170,
    body: () =>
      doc(
        p(
          'When temperatures in Velmar are forecast to exceed 30C for three days or more, 34 public buildings across the city will extend their opening hours and offer free seating, drinking water and air-conditioned space to anyone who needs it, under a heat plan approved by the city’s health committee.',
        ),
        p(
          'The “cool rooms” include the Central Library, eight branch libraries, community halls and two swimming pools. A map of all of them will be published on the city’s website and on posters at tram and bus stops.',
        ),
        h(2, 'Why it matters'),
        p(
          'Heatwaves are dangerous mainly for older people, young children, people with chronic illnesses and those who work outdoors. Many deaths during heatwaves happen at home, among people living alone in flats that heat up during the day and cannot cool down at night.',
        ),
        quote(
          'The most important part of the plan is not the buildings. It is the phone calls and the knocks on the door to people who will not come to us.',
          'Dr Leila Arman, the city’s director of public health',
        ),
        p(
          'During heat alerts, home-care staff and volunteers will contact about 4,000 elderly residents who have registered with the scheme, checking that they are drinking enough and that their homes are not dangerously hot. Anyone can register themselves or a relative.',
        ),
        h(2, 'Advice in a heatwave'),
        ul(
          'Keep curtains closed on windows that face the sun during the day.',
          'Drink regularly, even if you do not feel thirsty.',
          'Avoid strenuous activity between 11am and 4pm.',
          'Check on neighbours who live alone.',
          'Call the health line if you feel dizzy, confused or very weak.',
        ),
        p(
          'The city recorded its highest temperature on record, 36.4C, two summers ago. Public health officials say that heatwaves of that intensity, once rare on this stretch of coast, are now expected every few years.',
        ),
      ),
  },
  {
    slug: 'measles-vaccination-rates-recover-in-velmar-schools',
    title: 'Measles vaccination rates recover in Velmar’s schools, data show',
    standfirst:
      'Coverage of the second dose among primary pupils is back above 94 per cent after a dip, helped by school-based clinics and reminders in eight languages.',
    language: 'en',
    categories: ['health'],
    tags: ['Public health', 'Vaccines', 'Education'],
    authors: ['elias-brenner'],
    featuredImage: 'lab-bench',
    hoursAgo: 660,
    body: () =>
      doc(
        p(
          'The share of Velmar primary-school pupils who have received both doses of the measles vaccine has returned to 94.6 per cent, after falling to 89 per cent three years ago, according to figures from the city’s school health service analysed by this newspaper.',
        ),
        p(
          'Measles is one of the most contagious diseases known, and public-health agencies generally aim for about 95 per cent coverage with two doses to prevent outbreaks. The dip three years ago followed a period when routine appointments were disrupted, and was concentrated in a handful of neighbourhoods.',
        ),
        h(2, 'What changed'),
        p(
          'The school health service started running vaccination clinics in schools, so that parents no longer had to take time off work for an appointment, and sent reminders in the eight languages most spoken at home in the city, including Persian and Albanian.',
        ),
        quote(
          'Most parents who had missed a dose were not against vaccination. They were busy, or they had moved, or the letter had gone to an old address. We made it easier, and they came.',
          'Anneke Brouwer, head of the school health service',
        ),
        h(2, 'By district'),
        p(
          'The gap between neighbourhoods has narrowed but not closed. In the district with the lowest coverage three years ago, the share of pupils with two doses rose from 81 to 92 per cent. In the best-covered districts, it has been stable at around 97 per cent throughout.',
        ),
        ul(
          'City-wide, second dose, primary pupils: 94.6% (three years ago: 89.0%)',
          'Lowest district: 92.1% (three years ago: 81.3%)',
          'Highest district: 97.4%',
        ),
        p(
          'The city has had no measles cases in schools this year. Health officials say they will keep the school clinics running, and plan to extend the reminder service to the first dose, which is given at a younger age.',
        ),
        p(
          i(
            'Figures are for pupils aged 6 to 12 at the end of the last school year. Our analysis and the underlying data are available on request through our ',
          ),
          a('contact page', '/contact/'),
          i('.'),
        ),
      ),
  },
  {
    slug: 'citizen-scientists-count-birds-in-velmar-estuary',
    title: 'Citizen scientists count 41,000 birds in a single morning on the Velmar estuary',
    standfirst:
      'The annual late-summer count drew a record 380 volunteers. Numbers of some waders are falling, but two species have returned after decades away.',
    language: 'en',
    categories: ['science', 'climate'],
    tags: ['Wildlife', 'Water'],
    authors: ['parisa-rahimi'],
    featuredImage: 'estuary',
    hoursAgo: 1400,
    body: () =>
      doc(
        p(
          'At high tide on a still, overcast morning, 380 volunteers with binoculars and tally counters spread out along 40 kilometres of the Velmar estuary and, in three hours, counted 41,200 birds of 76 species. It was the largest turnout in the 38-year history of the count, organised each August by the Aldrian Ornithological Society, when waders from the Arctic stop on the estuary on their way south.',
        ),
        p(
          'The count is timed for high tide because the rising water pushes waders off the mudflats, where they feed, onto a few predictable roosts, where they can be counted. Each volunteer is assigned a stretch of shore and a time window, so that flocks are not counted twice as they move.',
        ),
        h(2, 'Winners and losers'),
        p(
          'The results are mixed. Numbers of some wading birds that breed in the Arctic and stop to feed on the estuary have fallen by a third or more over two decades, in line with trends across the region. Other species, including several ducks, have increased.',
        ),
        p(
          'Two species returned to the count after long absences: the avocet, a black-and-white wader with an upturned bill, which had not been recorded in the count since 1994, and the spoonbill, seen in a group of seven on the restored saltmarsh near the river mouth.',
        ),
        quote('Restoration works. The spoonbills are standing on a marsh that was a wheat field twelve years ago.', 'Tove Ahlgren, who coordinates the count'),
        quoteCard({
          author: 'Estuary Birds',
          handle: '@velmarestuarybirds',
          date: postedHoursAgo(1410),
          text: 'SEVEN spoonbills on the new saltmarsh at the mouth. Shaking hands are not ideal for counting, but we counted them three times. Best morning in years.',
          url: socialUrl('velmarestuarybirds', '3141592653'),
          network: 'Mastodon',
        }),
        h(2, 'Why volunteers matter'),
        p(
          'Counts like this one provide the long-term data that scientists and conservation agencies depend on. No professional body could afford to pay 380 people to survey an estuary for a morning, and the same sites have been counted in the same way for almost four decades, making the results comparable from year to year.',
        ),
        p(
          'The society says anyone who can tell a gull from a goose is welcome, and that new volunteers are paired with experienced counters. The results are published on ',
          a('its website', 'https://example.org/aldrian-ornithology/estuary-count'),
          ' and shared with a regional database of waterbird counts.',
        ),
      ),
  },
];
