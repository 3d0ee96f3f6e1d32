/**
 * @module demo/live-demo
 * The demo newsroom's live page: a storm on the coast followed hour by hour, ended. Ten entries,
 * two of them key events, one with a figure and one quoting a social post. Places and people are
 * fictional; the text is ours.
 */
import { doc, figure, p, quoteCard, type ArticleDocument } from '../modules/article/document.js';
import { DEMO_CREDIT, postedHoursAgo, socialUrl } from './helpers.js';

export interface DemoLiveEntry {
  /** Minutes after the coverage started. */
  at: number;
  headline: string;
  pinned?: boolean;
  body: (media: (key: string) => number) => ArticleDocument;
}

export const demoLive = {
  slug: 'storm-edda-reaches-the-coast-as-it-happened',
  title: 'Storm Edda reaches the coast: as it happened',
  standfirst: 'Gales, a closed bridge and a night without ferries: how the storm crossed Velmar and the islands, hour by hour.',
  /** Hours before the demo's "now" that the coverage started, and how long it ran. */
  startedHoursAgo: 30,
  ranMinutes: 600,
  category: 'climate',
  tags: ['Weather', 'Velmar'],
  author: 'elias-brenner',
  featuredImage: 'harbour-east-quay',
  summary: (): ArticleDocument =>
    doc(
      p(
        'Storm Edda crossed the coast overnight with gusts of up to 130 km/h on the outer islands. The harbour bridge closed for nine hours, ferries stayed in port and about 4,000 homes lost power for part of the night. No one was seriously hurt.',
      ),
      p('This page followed the storm as it happened. The latest updates are first; the key events are listed at the top.'),
    ),
  entries: [
    {
      at: 0,
      headline: 'Weather service raises the warning to red',
      pinned: true,
      body: () =>
        doc(
          p('The national weather service has raised its warning for the coast and the islands to red, its highest level, from 18:00 until 06:00 tomorrow.'),
          p('It expects gusts of 110 to 130 km/h on exposed coasts and waves of up to eight metres offshore.'),
        ),
    },
    {
      at: 35,
      headline: 'Ferries cancelled for the night',
      body: () =>
        doc(
          p(
            'All ferry crossings to the islands after 17:00 are cancelled. The operator says passengers with tickets can travel on any sailing in the next three days.',
          ),
        ),
    },
    {
      at: 70,
      headline: '',
      body: () =>
        doc(
          quoteCard({
            author: 'Velmar Port Authority',
            handle: '@velmarport',
            date: postedHoursAgo(28.8),
            text: 'The outer harbour is closed to all traffic until further notice. Please keep away from the sea walls and piers: waves are breaking over the east quay.',
            url: socialUrl('velmarport', '55512001'),
            network: 'Mastodon',
          }),
        ),
    },
    {
      at: 120,
      headline: 'Waves over the east quay',
      body: (media) =>
        doc(
          p(
            'Waves are breaking over the east quay, where the container cranes have been lowered and locked. The port says no ships are moving in the outer harbour.',
          ),
          figure({
            mediaId: media('harbour-east-quay'),
            alt: 'Illustration of container cranes on the east quay of the harbour',
            caption: 'The east quay, where the cranes were lowered before the storm arrived.',
            credit: DEMO_CREDIT,
            align: 'wide',
          }),
        ),
    },
    {
      at: 170,
      headline: 'Harbour bridge closed',
      pinned: true,
      body: () =>
        doc(
          p(
            'Police have closed the harbour bridge to all traffic after a gust of 118 km/h was measured on the deck. Drivers are asked to use the river crossing at Kessel, which adds about 25 minutes.',
          ),
        ),
    },
    {
      at: 230,
      headline: 'Power cuts in the old town and on two islands',
      body: () =>
        doc(
          p(
            'The grid operator says about 4,000 homes are without power, most of them in the old town and on the islands of Hest and Varø. Crews will start repairs when the wind drops below 70 km/h.',
          ),
        ),
    },
    {
      at: 300,
      headline: 'Emergency shelter opens at the sports hall',
      body: () =>
        doc(
          p(
            'The city has opened the Nordvik sports hall as a warm shelter for anyone without heating. Camp beds, hot drinks and phone chargers are available through the night.',
          ),
        ),
    },
    {
      at: 390,
      headline: 'Strongest gust of the night: 131 km/h on Varø',
      body: () =>
        doc(
          p(
            'The lighthouse station on Varø recorded a gust of 131 km/h shortly after midnight, the strongest of the storm so far. Forecasters say the peak has now passed the mainland coast.',
          ),
        ),
    },
    {
      at: 480,
      headline: 'Bridge reopens',
      body: () =>
        doc(
          p(
            'The harbour bridge has reopened with a speed limit of 50 km/h. Lorries and vehicles with trailers are still asked to use the Kessel crossing until morning.',
          ),
        ),
    },
    {
      at: 600,
      headline: 'Warning lifted; ferries to resume at 07:30',
      body: () =>
        doc(
          p('The red warning has been lifted. The first ferry to the islands leaves at 07:30, and power has been restored to all but about 300 homes.'),
          p('This is the last update on this page. Thank you for following.'),
        ),
    },
  ] as DemoLiveEntry[],
};
