/**
 * @module demo/corpus
 * The demo newspaper's content as plain data: authors, the section tree, illustrations, articles
 * and static pages. Everything here is original, fictional writing. The home city is Velmar, a
 * port in the fictional Republic of Aldria (capital: Corvena); people and institutions are
 * invented. Articles live in the articles-*.ts files, grouped by desk, and are collected here.
 */
import { a, doc, h, p, ul } from '../modules/article/document.js';
import { businessArticles } from './articles-business.js';
import { cultureArticles } from './articles-culture.js';
import { faArticles } from './articles-fa.js';
import { politicsArticles } from './articles-politics.js';
import { scienceArticles } from './articles-science.js';
import { sportArticles } from './articles-sport.js';
import { sqArticles } from './articles-sq.js';
import { worldArticles } from './articles-world.js';
import { DEMO_CREDIT } from './helpers.js';
import type { Scene } from './images.js';

export type { Scene } from './images.js';

export type { DemoArticle, DemoAuthor, DemoCategory, DemoImage, DemoPage } from './corpus-types.js';
import type { DemoArticle, DemoAuthor, DemoCategory, DemoImage, DemoPage } from './corpus-types.js';

export const authors: DemoAuthor[] = [
  {
    slug: 'maren-holt',
    name: 'Maren Holt',
    roleTitle: 'Europe correspondent',
    roleTitles: { fa: 'خبرنگار اروپا', sq: 'Korrespondente për Evropën' },
    bio: 'Maren Holt covers European affairs from the paper’s bureau in Corvena, with a particular interest in borders, transport and the places between capitals.\n\nShe previously reported from the northern fishing coast for six years. She speaks four languages and travels mostly by train.',
    color: '#2a6f97',
    publicEmail: 'maren.holt@velmar-courier.example',
    links: ['https://social.example/@marenholt', 'https://maren-holt.example/'],
  },
  {
    slug: 'idris-calloway',
    name: 'Idris Calloway',
    roleTitle: 'Economics editor',
    roleTitles: { fa: 'دبیر اقتصاد', sq: 'Redaktor i ekonomisë' },
    bio: 'Idris Calloway leads the business desk and writes on central banking, trade and the port economy.\n\nBefore joining the paper he spent a decade as a statistician at the national statistics office. He believes every economic story should be explainable to a ferry passenger between two stops.',
    color: '#9c3d2e',
    publicEmail: 'idris.calloway@velmar-courier.example',
    links: ['https://social.example/@idriscalloway'],
  },
  {
    slug: 'lena-varga',
    name: 'Lena Varga',
    roleTitle: 'Culture critic',
    roleTitles: { fa: 'منتقد فرهنگی', sq: 'Kritike kulture' },
    bio: 'Lena Varga reviews books, film and music, and writes the paper’s weekly chess column.\n\nShe has served on the juries of several film festivals and teaches a criticism workshop at Velmar University. Her reviews aim to tell readers what a work is trying to do before saying whether it succeeds.',
    color: '#6a4c93',
    publicEmail: 'lena.varga@velmar-courier.example',
    links: ['https://social.example/@lenavarga', 'https://books.example/reviewers/lena-varga'],
  },
  {
    slug: 'parisa-rahimi',
    name: 'Parisa Rahimi',
    roleTitle: 'Science reporter',
    roleTitles: { fa: 'خبرنگار علم', sq: 'Reportere shkencore' },
    bio: 'Parisa Rahimi reports on climate, health and the environment, and files some of her stories in Persian as well as English.\n\nShe trained as a hydrologist and worked on groundwater surveys before turning to journalism. She is happiest reporting from a field station with patchy signal.',
    color: '#2d6a4f',
    publicEmail: 'parisa.rahimi@velmar-courier.example',
    links: ['https://social.example/@parisarahimi'],
  },
  {
    slug: 'elias-brenner',
    name: 'Elias Brenner',
    roleTitle: 'Data journalist',
    roleTitles: { fa: 'روزنامه‌نگار داده', sq: 'Gazetar të dhënash' },
    bio: 'Elias Brenner turns public records, budgets and match statistics into stories and graphics. He covers city hall, the Assembly and sport, usually with a spreadsheet open.\n\nHe publishes the code and data behind his analyses whenever he can.',
    color: '#b5651d',
    publicEmail: 'elias.brenner@velmar-courier.example',
    links: ['https://code.example/eliasbrenner', 'https://social.example/@eliasbrenner'],
  },
];

// ---------------------------------------------------------------------------------------------
// Sections: a two-level tree, in display order
// ---------------------------------------------------------------------------------------------

export const categories: DemoCategory[] = [
  { slug: 'world', name: 'World', names: { fa: 'جهان', sq: 'Bota' }, description: 'Reporting from our correspondents and partners abroad.' },
  {
    slug: 'europe',
    name: 'Europe',
    names: { fa: 'اروپا', sq: 'Evropa' },
    description: 'Borders, transport, fisheries and politics across the continent.',
    parent: 'world',
  },
  {
    slug: 'middle-east',
    name: 'Middle East',
    names: { fa: 'خاورمیانه', sq: 'Lindja e Mesme' },
    description: 'Health, heritage, water and everyday life across the region.',
    parent: 'world',
  },
  { slug: 'americas', name: 'Americas', names: { fa: 'قاره آمریکا', sq: 'Amerikat' }, description: 'From the Andes to the Caribbean.', parent: 'world' },
  { slug: 'politics', name: 'Politics', names: { fa: 'سیاست', sq: 'Politikë' }, description: 'The Assembly, city hall and the people who run them.' },
  { slug: 'parliament', name: 'Parliament', description: 'Bills, committees and votes in the Aldrian Assembly.', parent: 'politics' },
  { slug: 'city-hall', name: 'City Hall', description: 'Velmar’s council, budget and public services.', parent: 'politics' },
  { slug: 'business', name: 'Business', names: { fa: 'اقتصاد', sq: 'Biznes' }, description: 'Companies, trade, work and money.' },
  { slug: 'economy', name: 'Economy', description: 'Growth, prices, jobs and the port economy.', parent: 'business' },
  { slug: 'markets', name: 'Markets', description: 'Interest rates, the crown, bonds and shares.', parent: 'business' },
  { slug: 'science', name: 'Science', names: { fa: 'علم', sq: 'Shkencë' }, description: 'Research, discovery and the people behind it.' },
  { slug: 'climate', name: 'Climate', names: { fa: 'اقلیم', sq: 'Klima' }, description: 'A changing climate, and how people adapt to it.', parent: 'science' },
  { slug: 'health', name: 'Health', description: 'Public health, medicine and care.', parent: 'science' },
  { slug: 'culture', name: 'Culture', names: { fa: 'فرهنگ', sq: 'Kulturë' }, description: 'Criticism and reporting on the arts.' },
  {
    slug: 'books',
    name: 'Books',
    names: { fa: 'کتاب', sq: 'Libra' },
    description: 'Reviews, festivals, libraries and the people who make books.',
    parent: 'culture',
  },
  { slug: 'film', name: 'Film', description: 'Reviews and reporting from cinemas and festivals.', parent: 'culture' },
  { slug: 'music', name: 'Music', names: { fa: 'موسیقی', sq: 'Muzikë' }, description: 'Concerts, recordings and the city’s stages.', parent: 'culture' },
  { slug: 'sport', name: 'Sport', names: { fa: 'ورزش', sq: 'Sport' }, description: 'Results, analysis and the clubs of Velmar.' },
  { slug: 'football', name: 'Football', description: 'Velmar Athletic, the league and the women’s game.', parent: 'sport' },
  { slug: 'chess', name: 'Chess', names: { fa: 'شطرنج', sq: 'Shah' }, description: 'Tournaments, clubs and the weekly chess column.', parent: 'sport' },
];

// ---------------------------------------------------------------------------------------------
// Illustrations: featured images, then portraits of people quoted
// ---------------------------------------------------------------------------------------------

const img = (key: string, scene: Scene, alt: string, caption: string): DemoImage => ({ key, scene, alt, caption, credit: DEMO_CREDIT });

export const images: DemoImage[] = [
  img(
    'rail-viaduct',
    'rail',
    'Illustration of a passenger train crossing a stone viaduct above a green valley',
    'A passenger train on the Ostrel viaduct, the longest structure on the reopened valley line.',
  ),
  img(
    'freight-spur',
    'rail',
    'Illustration of railway tracks running straight towards the horizon between overhead-line masts',
    'The disused freight spur east of the old town, which the proposed tram route would reuse.',
  ),
  img(
    'harbour-east-quay',
    'harbour',
    'Illustration of container cranes and stacked containers on a quay, with a cargo ship at anchor',
    'Cranes on the east quay of the Port of Velmar.',
  ),
  img(
    'harbour-old-port',
    'harbour',
    'Illustration of a harbour with cranes and containers on the quay and a ship on calm water',
    'The old port at Velmar, seen from the outer breakwater.',
  ),
  img(
    'fishing-harbour',
    'harbour',
    'Illustration of a working harbour with stacked crates on the quay and a boat offshore',
    'A working harbour on the northern coast.',
  ),
  img(
    'twin-towns',
    'city',
    'Illustration of a riverside town with rows of houses along the water',
    'Altberg’s riverside, with the bridge to Sornay on the far bank.',
  ),
  img('city-river', 'city', 'Illustration of a city skyline above a wide river', 'Velmar’s Kessel quarter, on the river.'),
  img(
    'alpine-lake',
    'lake',
    'Illustration of a still mountain lake with snow-capped peaks reflected in the water and pines on the shore',
    'A high lake of the kind studied in the survey: small, deep and ice-covered for much of the year.',
  ),
  img(
    'estuary',
    'lake',
    'Illustration of calm water at night, with low peaks and a line of pines along the shore',
    'The upper Velmar estuary, where the river Kessel widens towards the sea.',
  ),
  img('andes-range', 'mountains', 'Illustration of layered mountain ranges with snow on the highest peaks', 'Glaciated peaks of the Sierra Alta.'),
  img(
    'dark-sky-village',
    'mountains',
    'Illustration of jagged mountains under a deep sky with a bright moon',
    'The ridges above Valbrune, one of the darkest inhabited places in Europe.',
  ),
  img(
    'library-reading-room',
    'library',
    'Illustration of a reading room with tall bookshelves either side of an arched window and lamps on a long table',
    'The restored reading room of Velmar Central Library.',
  ),
  img('library-stacks', 'library', 'Illustration of full bookshelves around a tall window, with reading lamps in the foreground', 'Shelves at a city library.'),
  img(
    'caravanserai',
    'desert',
    'Illustration of desert dunes with date palms and a line of low mounds leading to the horizon',
    'The approach to the old caravanserai at Dar al-Nakhil.',
  ),
  img(
    'qanat-line',
    'desert',
    'Illustration of a line of qanat shafts crossing sand dunes towards distant mountains',
    'The shafts of a qanat run in a line across the plain, each one an access point to the tunnel below.',
  ),
  img(
    'highland-road',
    'desert',
    'Illustration of a dry plateau with dunes, mountains and a cluster of date palms',
    'The Zarqin plateau, where some clinics are a day’s drive from the nearest town.',
  ),
  img(
    'stadium-kessel-park',
    'stadium',
    'Illustration of a football stadium under floodlights, with a full stand behind the pitch',
    'Kessel Park, home of Velmar Athletic since 1931.',
  ),
  img(
    'market-square',
    'market',
    'Illustration of market stalls with striped awnings and crates of fruit in front of old town houses',
    'Stalls at the Saturday market on Velmar’s Cornmarket Square.',
  ),
  img(
    'river-market',
    'market',
    'Illustration of a busy market with striped awnings, string lights and shoppers',
    'The riverside market at Puerto Alto, one of twelve towns served by the co-operative’s boats.',
  ),
  img('parliament', 'parliament', 'Illustration of a domed, colonnaded parliament building with flags and trees in front', 'The Assembly building in Corvena.'),
  img(
    'lab-bench',
    'laboratory',
    'Illustration of laboratory glassware with coloured liquids on a white bench',
    'Samples being prepared at a public-health laboratory.',
  ),
  img(
    'wheat-field',
    'field',
    'Illustration of striped fields rolling towards distant hills, with wind turbines and a lone tree',
    'Trial plots on the Aldrian plains.',
  ),
  img('wind-ridge', 'field', 'Illustration of farmland with wind turbines under a wide sky', 'Farmland on the coastal plain north of Velmar.'),
  img(
    'book-festival',
    'festival',
    'Illustration of festival marquees under strings of bunting, with a crowd in the foreground',
    'The festival village on the Harbour Lawn.',
  ),
  img('folk-festival', 'festival', 'Illustration of an open-air festival with tents, bunting and an audience', 'The summer stage in Velmar’s Mill Park.'),
  img(
    'cinema-screen',
    'cinema',
    'Illustration of a cinema auditorium with an audience facing a bright screen',
    'A screening at the Lumen, the festival’s main venue.',
  ),
  img(
    'cinema-majestic',
    'cinema',
    'Illustration of rows of red cinema seats and a projector beam reaching the screen',
    'The auditorium of the Majestic, Velmar’s oldest cinema.',
  ),
  img('chess-board', 'chess', 'Illustration of a chessboard seen at a low angle, with pieces in mid-game', 'A position from the middle game.'),
  img(
    'rates-chart',
    'chart',
    'Illustration of a line chart with bars below it and one highlighted point',
    'Rates and yields have moved in step since the spring.',
  ),
  img('data-chart', 'chart', 'Illustration of a line chart over a grid with a shaded area and a highlighted point', 'The figures behind the story.'),
  // Portraits of people quoted in the stories.
  img('portrait-anja-kovac', 'portrait', 'Portrait illustration of Anja Kovač', 'Anja Kovač, chief engineer of the Ostrel Valley line'),
  img('portrait-miriam-osei', 'portrait', 'Portrait illustration of Miriam Osei', 'Miriam Osei, limnologist and lead author of the survey'),
  img('portrait-helena-strand', 'portrait', 'Portrait illustration of Helena Strand', 'Helena Strand, governor of the Bank of Aldria'),
  img('portrait-jonas-weir', 'portrait', 'Portrait illustration of Jonas Weir', 'Jonas Weir, mayor of Velmar'),
  img('portrait-ruth-amsel', 'portrait', 'Portrait illustration of Ruth Amsel', 'Ruth Amsel, head librarian, Velmar Central Library'),
  img('portrait-ilona-marsh', 'portrait', 'Portrait illustration of Ilona Marsh', 'Ilona Marsh, Velmar Chess Club'),
  img('portrait-tomasz-rell', 'portrait', 'Portrait illustration of Tomasz Rell', 'Tomasz Rell, chair of Velmar Athletic'),
  img('portrait-samira-haddad', 'portrait', 'Portrait illustration of Samira Haddad', 'Samira Haddad, nurse coordinator of the cold-chain programme'),
  img('portrait-oskar-lind', 'portrait', 'Portrait illustration of Oskar Lind', 'Oskar Lind, chief executive of the Port of Velmar'),
  img('portrait-ines-moreau', 'portrait', 'Portrait illustration of Inès Moreau', 'Inès Moreau, director of the Velmar Book Festival'),
  img('portrait-davide-ferro', 'portrait', 'Portrait illustration of Davide Ferro', 'Davide Ferro, director of The Last Keepers'),
  img('portrait-kaveh-sadeghi', 'portrait', 'Portrait illustration of Kaveh Sadeghi', 'Kaveh Sadeghi, master qanat builder'),
  img(
    'portrait-grace-achterberg',
    'portrait',
    'Portrait illustration of Grace Achterberg',
    'Grace Achterberg, chair of the Assembly’s constitutional committee',
  ),
];

// ---------------------------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------------------------

export const articles: DemoArticle[] = [
  ...worldArticles,
  ...politicsArticles,
  ...businessArticles,
  ...scienceArticles,
  ...cultureArticles,
  ...sportArticles,
  ...faArticles,
  ...sqArticles,
];

// ---------------------------------------------------------------------------------------------
// Static pages
// ---------------------------------------------------------------------------------------------

export const pages: DemoPage[] = [
  {
    slug: 'about',
    title: 'About this newspaper',
    standfirst: 'A fictional daily from a fictional port city, written to show what Broadsheet can do.',
    body: doc(
      p(
        'You are reading the demo edition of ',
        a('Broadsheet', 'https://example.org/broadsheet'),
        ', an open-source publishing platform for newsrooms. Everything on this site, from the front page to the corrections policy, is sample content that ships with the software so that editors, designers and developers can see a complete, working newspaper before they write a single word of their own.',
      ),
      p(
        'The stories are set in and around Velmar, an invented port city in the equally invented Republic of Aldria. Its mayor, its central bank, its football club and its chess prodigy do not exist. Where a story travels abroad, to the Alps, the Andes or the Caribbean, the towns, institutions and people in it are also fictional. Any resemblance to real people is accidental.',
      ),
      h(2, 'What the demo shows'),
      ul(
        'A two-level section tree with breadcrumbs, from World » Europe to Culture » Books.',
        'Bylines with one or two authors, author pages and avatars.',
        'Articles in English, Persian (written right to left) and Albanian, with translations linked to one another.',
        'Structured article bodies: subheadings, pull quotes with attribution, captioned portraits, lists and quoted social posts that load no third-party code.',
        'Tags, search, pagination and pages such as this one.',
      ),
      h(2, 'Why Persian and Albanian?'),
      p(
        'Velmar’s two largest language communities after Aldrian speakers read Persian and Albanian, so the imaginary newsroom publishes a selection of its reporting in both. In practice the translations let you test right-to-left layout, non-Latin search and language switching with real, readable text.',
      ),
      h(2, 'Replacing the demo'),
      p(
        'The demo content is loaded only when the site is started in demo mode. Turn demo mode off, create your own sections and authors, and the fictional Velmar disappears. The illustrations are generated on your own machine when the demo is installed; nothing is downloaded.',
      ),
      p(
        'Questions about the software itself belong on the project’s issue tracker. For the newsroom that never was, see our ',
        a('contact page', '/contact/'),
        ' and our ',
        a('corrections policy', '/corrections-policy/'),
        '.',
      ),
    ),
  },
  {
    slug: 'contact',
    title: 'Contact us',
    standfirst: 'How to reach the newsroom, send a tip or ask for a correction.',
    body: doc(
      p(
        'This is the contact page of a demo newspaper, so none of the addresses below will reach a real person. They are here to show how a newsroom might set out the ways readers can get in touch.',
      ),
      h(2, 'News tips'),
      p(
        'If you have information you think we should report, email ',
        a('tips@example.org', 'mailto:tips@example.org'),
        '. Tell us what you know, how you know it and how we can reach you. We read every message, although we cannot reply to all of them.',
      ),
      h(2, 'Corrections'),
      p(
        'If you believe we have got something wrong, write to ',
        a('corrections@example.org', 'mailto:corrections@example.org'),
        ' with the headline of the article and the passage in question. Our ',
        a('corrections policy', '/corrections-policy/'),
        ' explains what happens next.',
      ),
      h(2, 'Desks'),
      ul(
        'News and City Hall: newsdesk@example.org',
        'Business and markets: business@example.org',
        'Science, climate and health: science@example.org',
        'Culture, books and film: culture@example.org',
        'Sport: sport@example.org',
      ),
      h(2, 'Visiting'),
      p(
        'Our offices are on the third floor of the old customs house at 14 Quay Street, Velmar, a short walk from the ferry terminal. Visitors are welcome by appointment.',
      ),
    ),
  },
  {
    slug: 'corrections-policy',
    title: 'Corrections policy',
    standfirst: 'We make mistakes. When we do, we correct them promptly and say so.',
    body: doc(
      p(
        'Accuracy is the first obligation of any newspaper, and it includes being open about errors. This policy describes how we handle them. It is part of the demo content of Broadsheet and is offered as a starting point that a real newsroom can adapt.',
      ),
      h(2, 'What we correct'),
      p(
        'We correct factual errors of any size: a wrong figure, a misspelt name, a quotation attributed to the wrong person, a date, a caption. We also correct headlines or summaries that misrepresent the story beneath them. We do not change articles because someone dislikes a fair account of what they said or did.',
      ),
      h(2, 'How we correct'),
      ul(
        'The article is amended as soon as the error is confirmed.',
        'A note at the foot of the article says what was wrong and when it was fixed. We do not silently change facts.',
        'Significant errors are also listed on this page and, where they appeared in print, in the next printed edition.',
        'Minor changes that do not affect meaning, such as typing errors, are fixed without a note.',
      ),
      h(2, 'Updates are not corrections'),
      p(
        'Stories about events that are still unfolding are often updated with new information. Those articles carry an “updated” time next to the original publication time. An update adds to a story; a correction fixes something that was wrong.',
      ),
      h(2, 'How to report an error'),
      p(
        'Write to ',
        a('corrections@example.org', 'mailto:corrections@example.org'),
        ' or use the details on our ',
        a('contact page', '/contact/'),
        '. A member of the standards team will reply within two working days.',
      ),
    ),
  },
];
