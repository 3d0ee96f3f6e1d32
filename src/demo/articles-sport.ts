/**
 * @module demo/articles-sport
 * Demo articles for Sport, Football and Chess. Clubs, players and tournaments are fictional.
 */
import { a, b, doc, h, i, p, quote, quoteCard, ul } from '../modules/article/document.js';
import type { DemoArticle } from './corpus-types.js';
import { portrait, postedHoursAgo, socialUrl } from './helpers.js';

export const sportArticles: DemoArticle[] = [
  {
    slug: 'velmar-athletic-unveil-plans-for-new-stadium',
    title: 'Velmar Athletic unveil plans for a 28,000-seat stadium on the old rail yards',
    standfirst:
      'The club says it has outgrown Kessel Park, its home since 1931. The new ground would be built with its own money and loans, and open in four seasons at the earliest.',
    language: 'en',
    categories: ['football', 'economy'],
    tags: ['Football', 'City council', 'Budget'],
    authors: ['elias-brenner', 'idris-calloway'],
    featuredImage: 'stadium-kessel-park',
    hoursAgo: 110,
    body: (media) =>
      doc(
        p(
          'Velmar Athletic have unveiled plans for a 28,000-seat stadium on the former rail yards east of the central station, a site that has stood largely empty for two decades. The club’s current home, Kessel Park, holds 14,200 and has been sold out for every league match for the past three seasons.',
        ),
        p(
          'The design, presented to supporters at a meeting in the club’s main stand, shows a compact, steep-sided ground with a single continuous roof and a 6,000-capacity standing terrace behind one goal, modelled on the old Kessel Park end that fans still call the Kiln.',
        ),
        portrait(media, 'portrait-tomasz-rell', 'Tomasz Rell', 'chair of Velmar Athletic'),
        quote(
          'Kessel Park is our home and we love it, but we turn away thousands of people every week. A club that cannot grow its crowd cannot grow anything else.',
          'Tomasz Rell, chair of Velmar Athletic',
        ),
        h(2, 'Who pays'),
        p(
          'The club says the stadium, estimated to cost 1.9 billion crowns, will be financed from its own reserves, the sale of Kessel Park for housing and long-term loans. It is asking the city only to sell the rail-yard site at market value and to improve the tram and pedestrian links to the station.',
        ),
        p(
          'Our analysis of the club’s accounts suggests that the plan relies heavily on higher ticket and hospitality income. Matchday revenue would need to roughly double to service the debt, which would be possible with a larger crowd but leaves little room for a spell of poor results or relegation.',
        ),
        h(2, 'The neighbours'),
        p(
          'The rail yards sit between the central station and the Eastgate housing estate, whose residents have mixed feelings. Some welcome the prospect of new shops, a public square and the promised footbridge over the tracks, which would cut the walk to the station by ten minutes. Others worry about crowds, parking and noise on match days.',
        ),
        p(
          'The club says the stadium will have no public car park and that it expects most fans to arrive on foot, by tram or by train. Its transport study assumes that three-quarters of supporters will use public transport, a share that the city’s transport department has described as ambitious but achievable if extra trams are laid on.',
        ),
        h(2, 'The fans’ view'),
        p(
          'The supporters’ trust said it backed a move in principle but wanted guarantees on ticket prices and a say in the stadium’s name. A poll of its members found 71 per cent in favour of moving, provided the standing terrace is included.',
        ),
        quoteCard({
          author: 'Athletic Supporters’ Trust',
          handle: '@athletictrust',
          date: postedHoursAgo(112),
          text: 'Our position on the stadium plans: yes to a bigger home, yes to the Kiln, no to pricing out the people who filled Kessel Park when it was half empty. Members’ meeting next week.',
          url: socialUrl('athletictrust', '1931001400'),
          network: 'Bluesky',
        }),
        p(
          'A formal planning application is expected in the spring. If it is approved, the club says construction could begin within a year, with the first match in the new ground four seasons from now.',
        ),
      ),
  },
  {
    slug: 'athletic-beat-corvena-rovers-to-go-top',
    title: 'Athletic beat Corvena Rovers 2–1 with a late header to go top of the league',
    standfirst:
      'Captain Jonah Mbaye rose highest in the 88th minute to settle a tense derby at Kessel Park and send Velmar Athletic to the top of the table for the first time in six years.',
    language: 'en',
    categories: ['football'],
    tags: ['Football'],
    authors: ['elias-brenner'],
    featuredImage: 'stadium-kessel-park',
    hoursAgo: 4,
    updatedHoursAfter: 1,
    body: () =>
      doc(
        p(
          'Velmar Athletic are top of the league. Jonah Mbaye’s header, two minutes from the end of a derby that had seemed destined for a draw, gave the home side a 2–1 win over Corvena Rovers and lifted them a point clear of their visitors with eleven matches to play.',
        ),
        p(
          'Athletic had started brightly and took the lead after 17 minutes, when Luca Ferraz curled a free kick over the wall and in off the underside of the bar. Rovers, the league’s most disciplined defensive side, barely allowed another chance for the rest of the half.',
        ),
        p(
          'The visitors equalised early in the second half through Ivo Marić, who ran on to a long ball, held off two defenders and finished low into the far corner. For the next half hour Rovers were the better side, and Athletic’s goalkeeper, Tim Verhoeven, made two fine saves to keep the score level.',
        ),
        h(2, 'The winner'),
        p(
          'The decisive moment came from a corner. Ferraz’s delivery was cleared only as far as the edge of the area, Dani Okonkwo swung it back in, and Mbaye, who had stayed forward, met it with a looping header that dropped inside the far post. Kessel Park, sold out as always, made a noise that could be heard on the ferry.',
        ),
        quote(
          'I have scored better goals, but I don’t think I have scored a more important one. The boys deserved it for the way we stayed in the game when they were on top.',
          'Jonah Mbaye, Velmar Athletic captain',
        ),
        quoteCard({
          author: 'Velmar Athletic',
          handle: '@velmarathletic',
          date: postedHoursAgo(4),
          text: 'FULL TIME: Velmar Athletic 2–1 Corvena Rovers. Ferraz 17’, Mbaye 88’. Top of the league. Thank you, Kessel Park. 💙',
          url: socialUrl('velmarathletic', '8800217001'),
          network: 'Mastodon',
        }),
        h(2, 'Key numbers'),
        ul(
          'Possession: Athletic 46%, Rovers 54%',
          'Shots on target: Athletic 5, Rovers 4',
          'Attendance: 14,200 (sold out)',
          'Athletic’s unbeaten run at home: 14 league matches',
        ),
        p(
          'Rovers’ coach, Petra Holm, said her side had been “the better team for long spells” and would take nothing from the result except motivation. The two sides meet again in Corvena on the final day of the season. Athletic’s head coach, Marco Santini, declined to talk about the title. “Eleven games is a long time,” he said. “Ask me after ten.”',
        ),
        p(i('Updated with quotes from both coaches and the corrected attendance figure.')),
      ),
  },
  {
    slug: 'velmar-athletic-women-sell-out-kessel-park',
    title: 'Velmar Athletic Women sell out Kessel Park for the first time',
    standfirst:
      'A crowd of 14,200 watched the women’s team play at the club’s main ground, more than ten times their usual attendance. They responded with a 3–0 win.',
    language: 'en',
    categories: ['football', 'sport'],
    tags: ['Football', 'Youth'],
    authors: ['elias-brenner'],
    featuredImage: 'stadium-kessel-park',
    hoursAgo: 90,
    body: () =>
      doc(
        p(
          'When Velmar Athletic announced that the women’s team would play a league match at Kessel Park rather than at its usual training-ground pitch, the club hoped to attract perhaps 5,000 people. Tickets, priced at 50 crowns for adults and free for children, sold out in four days.',
        ),
        p(
          'The crowd of 14,200 was more than ten times the team’s average attendance this season and a record for a women’s club match in the city. Many in the stands were families, and a large share, according to a club survey, had never attended a women’s match before.',
        ),
        p(
          'They saw a comfortable win. Athletic, second in the league, beat Lesk United 3–0 with two goals from the striker Amira Sadiq and a late penalty from the captain, Freya Adamou, who has played for the club for eleven years and began her career when the team trained on a school field.',
        ),
        quote(
          'When I started we had twelve players, one ball each and a crowd of our parents. Walking out today, I could not hear myself think. I hope every girl in those stands was making plans.',
          'Freya Adamou, captain',
        ),
        h(2, 'What the numbers say'),
        p(
          'Attendances at women’s league matches across the country have roughly tripled in five years, from a low base, according to figures compiled by the football association. Clubs that have moved matches to their main grounds have generally seen the largest increases, although crowds often fall back when matches return to smaller venues.',
        ),
        p(
          'The club said it would hold at least three women’s matches at Kessel Park next season and is considering a season ticket that covers both teams. It has also committed to including a full-size pitch for the women’s team in its ',
          a('plans for a new stadium', '/velmar-athletic-unveil-plans-for-new-stadium/'),
          '.',
        ),
        p(b('Athletic Women: '), 'Lindqvist; Okafor, Brandt, Sørli, Marquez; Adamou, Tanaka, Vos; Ilić, Sadiq, Rahman.'),
      ),
  },
  {
    slug: 'velmar-open-ilona-marsh-takes-lead',
    title: 'Velmar Open: 17-year-old Ilona Marsh takes the lead after beating the top seed',
    standfirst: 'The local teenager outplayed Grandmaster Pavel Orlik in a 61-move game and leads the field by half a point with two rounds to go.',
    language: 'en',
    categories: ['chess', 'sport'],
    tags: ['Chess', 'Youth'],
    authors: ['elias-brenner'],
    featuredImage: 'chess-board',
    hoursAgo: 60,
    body: (media) =>
      doc(
        p(
          'Ilona Marsh, a 17-year-old from Velmar who learnt chess at a library club, leads the Velmar Open after defeating the tournament’s top seed, Grandmaster Pavel Orlik, in the seventh round. With two rounds left she has 6 points out of 7, half a point ahead of three players.',
        ),
        p(
          'The game, played in the old customs hall on the harbour, lasted almost six hours. Marsh, playing black, chose a sharp line of the Sicilian Defence and sacrificed a pawn early to open lines against Orlik’s king. The grandmaster defended accurately for a long time, but went wrong under time pressure around move 40.',
        ),
        portrait(media, 'portrait-ilona-marsh', 'Ilona Marsh', 'Velmar Chess Club'),
        quote(
          'I was not thinking about who he was. I was thinking about his king. When the position is good, you just have to keep finding the next move.',
          'Ilona Marsh',
        ),
        h(2, 'Turning point'),
        p(
          'Spectators watching on a screen in the foyer gasped at move 43, when Marsh gave up her rook for a bishop to break open the position around Orlik’s king. Computer analysis later confirmed the sacrifice was the strongest move. Orlik resigned eighteen moves later, with Marsh about to promote a pawn.',
        ),
        p('Orlik was gracious afterwards. “She played a very strong game. I had chances to hold, but she never gave me time to find them,” he said.'),
        h(2, 'Standings after seven rounds'),
        ul('1. Ilona Marsh (Velmar), 6 points', '2–4. Pavel Orlik, Selin Aydın, Mateo Ruiz, 5½ points', '5–9. five players on 5 points'),
        quoteCard({
          author: 'Velmar Chess Club',
          handle: '@velmarchess',
          date: postedHoursAgo(61),
          text: 'What a game from Ilona! Black against the top seed, rook sacrifice on move 43, resignation on move 61. She leads the Open with two rounds to play. The whole club is shaking.',
          url: socialUrl('velmarchess', '6100430061'),
          network: 'Mastodon',
        }),
        p(
          'A win in the tournament would give Marsh her second norm towards the title of International Master. She plays Selin Aydın in the eighth round. The final two rounds are broadcast live on the ',
          a('tournament website', 'https://example.org/velmar-open/live'),
          '.',
        ),
      ),
  },
  {
    slug: 'chess-in-schools-pilot-twelve-classrooms',
    title: 'Chess column: what happened when twelve classrooms learnt chess for a year',
    standfirst:
      'A pilot programme put an hour of chess a week into the timetable of twelve Velmar primary classes. Teachers noticed changes that had little to do with winning.',
    language: 'en',
    categories: ['chess', 'culture'],
    tags: ['Chess', 'Youth', 'Education'],
    authors: ['lena-varga'],
    featuredImage: 'chess-board',
    hoursAgo: 36,
    body: () =>
      doc(
        p(
          'Last autumn, twelve primary classes in Velmar replaced one hour a week of their timetable with chess. The pilot, run by the city’s education department and the Velmar Chess Club, provided boards, a coach for the first term and a simple curriculum designed so that teachers who had never played could take over in the second.',
        ),
        p(
          'The results, published in a short evaluation this month, are modest and, to this columnist, all the more convincing for it. The programme did not turn anyone into a prodigy and the evaluation makes no grand claims about intelligence or exam scores. What teachers reported was different, and in some ways more interesting.',
        ),
        h(2, 'What teachers noticed'),
        ul(
          'Pupils who rarely spoke in class were often among the keenest players.',
          'Children learnt to lose a game, shake hands and set up the pieces again.',
          'Many classes began playing at break time without being asked.',
          'Teachers said the hour was one of the calmest of the week.',
        ),
        quote(
          'The first lesson is that the other player’s move matters as much as yours. For some eight-year-olds, that is a genuinely new idea.',
          'Hanna Lefebvre, teacher at Harbour Street Primary',
        ),
        h(2, 'The caveats'),
        p(
          'The evaluation is honest about its limits. The classes were not compared with a control group, the teachers volunteered and were presumably enthusiastic, and a year is a short time. It recommends a larger trial before any decision on extending the programme.',
        ),
        p(
          'Still, the picture of a room of eight-year-olds sitting in pairs in silence, thinking hard about someone else’s next move, is an appealing one. And the best player in the pilot, according to the club’s coaches, is a girl who had never seen a chessboard a year ago. The city’s strongest young player, ',
          a('Ilona Marsh', '/velmar-open-ilona-marsh-takes-lead/'),
          ', began in much the same way, at a library club at the age of nine.',
        ),
        h(2, 'This week’s puzzle'),
        p(
          'White to play and win: a king and pawn ending from one of the pilot classes’ tournaments. The answer, and the name of the ten-year-old who found it, will appear in next week’s column.',
        ),
      ),
  },
  {
    slug: 'velmar-harbour-regatta-returns',
    title: 'Velmar harbour regatta returns after two years with a record fleet',
    standfirst:
      'More than 180 boats, from single-handed dinghies to century-old pilot cutters, raced in the outer harbour after the event was cancelled for two years during breakwater repairs.',
    language: 'en',
    categories: ['sport'],
    tags: ['Tourism', 'Youth'],
    authors: ['elias-brenner'],
    featuredImage: 'harbour-old-port',
    hoursAgo: 1350,
    body: () =>
      doc(
        p(
          'The Velmar harbour regatta returned with a record entry of 184 boats and a stiff westerly breeze that tested crews from the first start. The event had been cancelled for the past two years while the outer breakwater was rebuilt, and the organisers had worried that sailors would have found other summer fixtures in the meantime.',
        ),
        p(
          'They need not have. Entries came from eleven clubs along the coast and several from abroad, and the harbour wall was lined with spectators for the final race of the classic class, in which seven wooden pilot cutters, the oldest built in 1898, raced two laps of the outer harbour.',
        ),
        h(2, 'Results'),
        ul(
          'Classic class: Marta, skipper Olav Berg',
          'Keelboats: Kittiwake, skipper Lise Andersen',
          'Dinghies, under-16: Noah Petersen',
          'Single-handed: Iris Daalman',
        ),
        quote(
          'The new breakwater has changed the water in the outer harbour. It is flatter on the inside, so the tactics are different. We were all learning today, even the old hands.',
          'Olav Berg, winning skipper in the classic class',
        ),
        p(
          'The regatta committee said the youth classes had the largest entry in the event’s history, which it attributed to a free sailing programme run by the harbour sailing club for children from the city’s schools. Several of those children took part in their first race.',
        ),
        p(
          'The day was not without incident. A keelboat lost its mast in a gust during the second race and had to be towed back to the harbour, and two dinghies capsized near the breakwater. The harbour’s rescue launch recovered all the sailors within minutes, none of them hurt, and one of the dinghy crews went on to finish the next race.',
        ),
        p('Next year’s regatta will add a class for rowing boats and a race around the estuary islands, which has not been sailed since the 1970s.'),
      ),
  },
];
