/**
 * @module demo/articles-culture
 * Demo articles for Culture » Books, Film and Music. Every book, film, artist and venue here is
 * fictional.
 */
import { a, doc, h, i, p, pullQuote, quote, quoteCard, ul } from '../modules/article/document.js';
import type { DemoArticle } from './corpus-types.js';
import { portrait, postedHoursAgo, socialUrl } from './helpers.js';

export const cultureArticles: DemoArticle[] = [
  {
    slug: 'velmar-book-festival-opens-with-focus-on-translation',
    title: 'Velmar Book Festival opens with record ticket sales and a focus on translation',
    standfirst:
      'More than 200 writers and translators are in town for ten days of talks on the Harbour Lawn. This year, for the first time, translators share top billing with authors.',
    language: 'en',
    categories: ['books', 'culture'],
    tags: ['Books', 'Festivals'],
    authors: ['lena-varga'],
    featuredImage: 'book-festival',
    hoursAgo: 52,
    body: (media) =>
      doc(
        p(
          'The Velmar Book Festival opened on the Harbour Lawn with its marquees full and its box office reporting record advance sales of 61,000 tickets, up from 48,000 last year. Over ten days the festival will host 230 events with writers and translators from 31 countries.',
        ),
        p(
          'This year’s theme is translation, and the festival has made a point of it: translators are named alongside authors on every poster and in every programme listing, and are paid the same fee for each appearance. A new prize for the best book translated into Aldrian will be awarded on the final night.',
        ),
        portrait(media, 'portrait-ines-moreau', 'Inès Moreau', 'director of the Velmar Book Festival'),
        quote(
          'Most of the world’s great books reach most of the world’s readers through a translator. It is strange that we have spent so long pretending those people are invisible.',
          'Inès Moreau, festival director',
        ),
        h(2, 'Highlights'),
        ul(
          'A conversation between a novelist and her three translators, who have each rendered the same book into a different language',
          'A night of poetry read in the original and in translation, in Persian, Albanian, Aldrian and English',
          'A workshop in which children translate picture books with the help of a professional',
          'Readings from the shortlist for the new translation prize',
        ),
        p(
          'The festival is also trying to reach people who do not usually come to literary events. Writers will visit the city’s prison, two care homes and the hospital, and a bus converted into a mobile bookshop will tour the eastern housing estates during the festival, selling paperbacks at half price.',
        ),
        p(
          'The festival’s opening event, a conversation with the novelist Tessa Varley about her book ',
          i('The Salt Archive'),
          ', sold out within an hour of going on sale. Read our ',
          a('review of the novel', '/the-salt-archive-review/'),
          '.',
        ),
        quoteCard({
          author: 'Velmar Book Festival',
          handle: '@velmarbooks',
          date: postedHoursAgo(55),
          text: 'The marquees are up, the bunting is out and 230 events start tomorrow. This year every translator’s name is on the poster, right where it belongs.',
          url: socialUrl('velmarbooks', '2718281828'),
          network: 'Bluesky',
        }),
        p(
          'The festival, which began in 1987 as a weekend of readings in the back room of a bookshop, is now one of the largest in the region. About a third of its events are free, including all those for children, and unsold seats are released to students at the door.',
        ),
      ),
  },
  {
    slug: 'the-salt-archive-review',
    title: '“The Salt Archive” by Tessa Varley review – a quiet novel about what a port city remembers',
    standfirst:
      'Varley’s third novel follows an archivist cataloguing the papers of a shipping family. It is slow, precise and, by the end, quietly devastating.',
    language: 'en',
    categories: ['books'],
    tags: ['Books', 'Reviews'],
    authors: ['lena-varga'],
    featuredImage: 'library-stacks',
    hoursAgo: 290,
    body: () =>
      doc(
        p(
          'Tessa Varley’s novels are not in a hurry. Her first, about a lighthouse keeper’s widow, spent 40 pages on a single winter. Her new book, ',
          i('The Salt Archive'),
          ', takes its time too, and readers who want a plot that pulls them along by the collar should look elsewhere. Readers willing to slow down will find something rarer: a novel about memory that is itself built like an archive, box by box and folder by folder.',
        ),
        p(
          'Its narrator, Agnes, is a municipal archivist in an unnamed northern port that closely resembles Velmar. She has been asked to catalogue 140 boxes of papers left to the city by the Hallands, a shipping family whose fortune built half the harbour front and whose last member has just died, childless, in a nursing home.',
        ),
        h(2, 'Lives in folders'),
        p(
          'The novel is structured as Agnes’s catalogue. Each chapter opens with a box number and a brief, dry description of its contents (“Correspondence, commercial, 1911–1919; some water damage”), followed by her account of what she finds in it and what it stirs in her own life. The device could have been a gimmick. Varley makes it a slow accumulation of feeling.',
        ),
        p(
          'What Agnes finds is not a scandal, exactly. It is the ordinary cruelty of a prosperous family towards the people who worked for it: a dismissed maid, a sailor’s widow refused a pension, a son quietly sent abroad. Set against these discoveries is Agnes’s relationship with her own mother, who is losing her memory, and whose papers Agnes cannot bring herself to sort.',
        ),
        p(
          'Varley is especially good on the physical work of archiving: the cotton gloves, the acid-free folders, the way a rusted paper clip leaves a brown ghost on the page beneath it. These details are never decorative. They are the means by which Agnes, who is not given to speaking about her feelings, shows us what she is feeling. When she spends an entire afternoon removing staples from the letters of a dismissed maid, the reader understands that this is an act of tenderness.',
        ),
        p(
          'The novel’s portrait of the port city is also quietly impressive. Varley’s harbour is not a backdrop of gulls and cranes but a system of work, money and weather, in which a storm in one decade can be traced in the account books of the next. Readers who live in Velmar will recognise the customs house, the rope walk and the steep streets of the old town, even under other names.',
        ),
        pullQuote('An archive is a list of what someone decided was worth keeping. The rest is the sea.', 'From “The Salt Archive”'),
        h(2, 'Where it falters'),
        p(
          'The book is not flawless. A subplot involving a developer who wants to buy the Halland warehouse feels imported from a different, busier novel, and the final chapter resolves a little too neatly. Varley’s prose, usually exact, occasionally tips into the lyrical where restraint would serve her better.',
        ),
        p(
          'But these are small complaints about a serious and moving book. By the time Agnes opens the last box, the reader understands, as she does, that the question the novel has been asking all along is not what the Hallands did, but who gets to be remembered, and by whom.',
        ),
        p(i('The Salt Archive'), ' by Tessa Varley is published by Quayside Press, 336 pages.'),
      ),
  },
  {
    slug: 'lighthouse-keepers-documentary-wins-velmar-film-week',
    title: 'Documentary about the last lighthouse keepers wins top prize at Velmar Film Week',
    standfirst: '“The Last Keepers”, a patient portrait of two brothers tending an offshore light before it is automated, took the festival’s Golden Anchor.',
    language: 'en',
    categories: ['film', 'culture'],
    tags: ['Film', 'Festivals'],
    authors: ['lena-varga'],
    featuredImage: 'cinema-screen',
    hoursAgo: 150,
    body: (media) =>
      doc(
        p(
          'A documentary about two elderly brothers who spent their final year as keepers of an offshore lighthouse before it was automated has won the Golden Anchor, the top prize at Velmar Film Week.',
        ),
        p(
          'Davide Ferro’s ',
          i('The Last Keepers'),
          ' follows Arvid and Leif Norum through four seasons on a rock 12 kilometres from the coast, reachable only by boat in calm weather. There is almost no narration and no music beyond the wind, the sea and the lighthouse’s own machinery. The jury called it “a film about work, brotherhood and the end of a way of life, made with the same patience as the work it records”.',
        ),
        portrait(media, 'portrait-davide-ferro', 'Davide Ferro', 'director of The Last Keepers'),
        quote(
          'I went out there expecting to film loneliness. What I found was two men who had spent forty years perfecting the art of living with one other person.',
          'Davide Ferro, director',
        ),
        h(2, 'The other winners'),
        ul(
          'Best fiction feature: “Low Tide”, directed by Agnes Ruud',
          'Best first film: “Orchard”, directed by Kamran Azadi',
          'Best short film: “Night Shift at the Fish Market”',
          'Audience award: “The Last Keepers”',
        ),
        p(
          'Agnes Ruud’s family drama ',
          i('Low Tide'),
          ', which opens in cinemas nationally next month, was widely tipped for the main prize and won best fiction feature instead. Read our ',
          a('review of Low Tide', '/low-tide-review/'),
          '.',
        ),
        p(
          'Ferro, who spent eleven months on the rock in total, shot the film almost entirely on a single lens and used no artificial lighting. He said he had cut more than 300 hours of footage down to 94 minutes, and that the hardest material to lose was the brothers’ long evening conversations about the weather, which he described as “the best radio drama never broadcast”.',
        ),
        p(
          'The festival reported 42,000 admissions over eight days across five venues, a record, and said that screenings at the Lumen, its main cinema on the harbour, had sold out on all but two days. The brothers themselves attended the closing ceremony, their first visit to a cinema, Leif said, since 1979.',
        ),
      ),
  },
  {
    slug: 'low-tide-review',
    title: '“Low Tide” review – a patient, beautifully acted family drama',
    standfirst:
      'Agnes Ruud’s second feature gathers three adult siblings in their late father’s house on the coast. Almost nothing happens, and it is gripping.',
    language: 'en',
    categories: ['film'],
    tags: ['Film', 'Reviews'],
    authors: ['lena-varga'],
    featuredImage: 'cinema-screen',
    hoursAgo: 230,
    body: () =>
      doc(
        p(
          'Three siblings arrive at a house on the coast to clear it out after their father’s death. Over a long weekend they sort his things, argue about what to keep, eat badly, drink too much and walk on the beach at low tide, when the sea retreats so far that the horizon seems to disappear. That is, more or less, the plot of ',
          i('Low Tide'),
          '. It is enough.',
        ),
        p(
          'Agnes Ruud, whose debut was a small, well-received film about a night-shift nurse, has a gift for the moments between dialogue. Her camera lingers on hands folding a shirt, on a glance held a second too long, on an empty chair at the kitchen table. The editing is unhurried without being slow, and at 112 minutes the film does not outstay its welcome.',
        ),
        h(2, 'Three fine performances'),
        p(
          'The film rests on its three leads, and all three are excellent. As the eldest sister, who stayed near their father and resents the others for leaving, Maja Lund gives a performance of tightly controlled anger that cracks, finally, in a scene in the garden shed that is among the best things in any film this year. Her brother and younger sister are played with real warmth by Elias Rydén and Noor Beltran.',
        ),
        p(
          'The house itself is a fourth character. Filmed on location in a real seaside cottage, it is full of the accumulated objects of a long life: fishing tackle, unopened letters, a drawer of keys to nothing. Ruud and her production designer resist the temptation to make it picturesque.',
        ),
        quote('Grief, the film suggests, is mostly logistics, until suddenly it isn’t.', 'Lena Varga'),
        h(2, 'Minor reservations'),
        p(
          'A late revelation about the father’s finances feels mechanical, and one or two lines of dialogue spell out what the images have already made clear. These are small flaws in a film that otherwise trusts its audience completely.',
        ),
        p(i('Low Tide'), ' screens in competition at Velmar Film Week and opens in cinemas nationally next month. Certificate 12. 112 minutes.'),
      ),
  },
  {
    slug: 'restored-silent-film-screened-with-live-orchestra',
    title: 'A restored silent film returns to the Majestic with a live orchestra',
    standfirst:
      '“The Harbour at Night”, shot in Velmar in 1926 and long thought lost, was screened to a full house with a new score performed by the Harbour Philharmonic.',
    language: 'en',
    categories: ['film', 'music'],
    tags: ['Film', 'Music', 'Heritage'],
    authors: ['lena-varga'],
    featuredImage: 'cinema-majestic',
    hoursAgo: 980,
    body: () =>
      doc(
        p(
          'For most of the past century, ',
          i('The Harbour at Night'),
          ' existed only as a title in old newspaper listings and a handful of publicity stills. The silent melodrama, filmed on Velmar’s quays in 1926, was believed lost, like most films of its era. Then, four years ago, a nearly complete print turned up in the archive of a film society abroad, mislabelled and stored in a tin marked with the wrong year.',
        ),
        p(
          'After a painstaking restoration by the national film archive, the film returned to the city where it was made, screened at the Majestic, Velmar’s oldest cinema, to a sold-out audience of 640 and accompanied by a newly commissioned score played live by the Harbour Philharmonic.',
        ),
        h(2, 'A city on screen'),
        p(
          'The story is conventional: a dock worker, a shipowner’s daughter and a storm. But the film’s real interest, for a modern audience, lies in its backgrounds. Shot largely on location, it shows a harbour front of sailing ships and horse-drawn carts, a fish market in the open air and the old customs house, which still stands, when it was new.',
        ),
        p(
          'Several people in the audience said they had recognised streets and buildings. One woman said she believed a child seen briefly on the quay was her grandmother, who had often talked about “being in the pictures”.',
        ),
        quote(
          'Restoring a film like this is partly detective work. We had one print, with scratches, missing frames and intertitles in the wrong language. We rebuilt the original titles from the censor’s records.',
          'Margit Olander, film archive restorer',
        ),
        h(2, 'The music'),
        p(
          'The score, by the composer Jana Ostrova, is written for a chamber orchestra of 24 players and draws on sea shanties and dance-hall tunes of the 1920s without ever becoming a pastiche. Its best moments come in the storm sequence, where the orchestra builds an extraordinary wall of sound, then cuts out entirely for the film’s one moment of silence.',
        ),
        p(
          'Further screenings with live music are planned in the spring. The restored film will also be available to stream free of charge on the ',
          a('film archive’s website', 'https://example.org/film-archive/harbour-at-night'),
          '.',
        ),
      ),
  },
  {
    slug: 'harbour-philharmonic-new-hall-first-acoustic-tests',
    title: 'Harbour Philharmonic’s new hall passes its first acoustic test, with one surprise',
    standfirst:
      'Musicians played to an empty auditorium filled with microphones. The sound, they say, is warm and clear, except for a curious echo on the top balcony.',
    language: 'en',
    categories: ['music'],
    tags: ['Music', 'City council'],
    authors: ['lena-varga'],
    featuredImage: 'city-river',
    hoursAgo: 1230,
    body: () =>
      doc(
        p(
          'The Harbour Philharmonic played its first notes in its new concert hall in the Kessel quarter to an audience of 300 microphones, a dozen acousticians and one cleaner, who was asked to stay and listen. The hall, which opens to the public in the autumn, is the orchestra’s first purpose-built home in its 110-year history.',
        ),
        p(
          'The tests are routine for any new concert hall. Acousticians measure how long sound takes to die away, how evenly it reaches every seat and how clearly the players on stage can hear one another. Adjustable panels in the ceiling and walls can then be moved to fine-tune the sound.',
        ),
        h(2, 'Warm and clear'),
        p(
          'The early verdict is good. The hall’s reverberation time, about two seconds when full, is in the range typically sought for orchestral music. Players said they could hear each other across the stage more easily than in the converted theatre they have used for the past four decades.',
        ),
        quote(
          'In the old hall we played loud to be heard. Here we can play quietly and trust that the back row will hear us. That changes how you make music.',
          'Jana Ostrova, principal conductor',
        ),
        h(2, 'The balcony echo'),
        p(
          'The surprise came on the top balcony, where a faint echo could be heard from certain seats during sharp percussive notes. Acousticians traced it to a curved section of the rear wall that reflects sound back towards the stage. The fix, a set of angled wooden panels, is already being made.',
        ),
        p(
          'The hall cost 310 million crowns, paid for by the city, the national culture fund and a public appeal that raised 22 million crowns from more than 9,000 donors. Every donor’s name is carved into the oak panelling of the foyer in letters a few millimetres high.',
        ),
        p(
          'The opening season will be announced next month. The orchestra says a third of seats at every concert will be priced at 100 crowns or less, and that rehearsals will be open to schools.',
        ),
      ),
  },
];
