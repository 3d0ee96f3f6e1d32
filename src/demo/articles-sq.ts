/**
 * @module demo/articles-sq
 * Demo articles in Albanian: a translation of an English article and an original report.
 */
import { doc, figure, h, i, p, quote, quoteCard, type Figure } from '../modules/article/document.js';
import type { DemoArticle } from './corpus-types.js';
import { postedHoursAgo, socialUrl } from './helpers.js';

const SQ_CREDIT = 'Ilustrim: demo e Broadsheet';

/** Portrait figure with an Albanian caption ("Emri, roli"). */
function portraitSq(media: (imageKey: string) => number, key: string, name: string, role: string): Figure {
  return figure({ mediaId: media(key), alt: `Portret i ilustruar: ${name}`, caption: `${name}, ${role}`, credit: SQ_CREDIT, align: 'center' });
}

export const sqArticles: DemoArticle[] = [
  {
    slug: 'trenat-e-nates-kthehen-ne-luginen-e-ostrelit',
    title: 'Trenat e natës kthehen në linjën e Luginës së Ostrelit pas njëmbëdhjetë vitesh',
    standfirst:
      'Një rrëshqitje dheu e mbylli hekurudhën malore në vitin 2014. Rihapja e saj, me një tren nate drejt bregdetit, po ndiqet me vëmendje nga qytezat e luginës, që humbën lidhjen e vetme të sigurt në çdo stinë.',
    language: 'sq',
    categories: ['europe', 'world'],
    tags: ['Rail', 'Transport', 'Tourism'],
    authors: ['maren-holt'],
    featuredImage: 'rail-viaduct',
    hoursAgo: 16,
    translationOf: 'night-trains-return-to-ostrel-valley-line',
    body: (media) =>
      doc(
        p(
          'Treni i parë me pasagjerë pas njëmbëdhjetë vitesh kaloi mbi viaduktin e Ostrelit pak pas agimit, me katër vagonë plot me inxhinierë, zyrtarë vendorë dhe disa qindra banorë që kishin pritur në radhë për bileta falas. Deri në mesditë, në platformën e Ostrelit të Poshtëm, një fshat me 900 banorë në krye të luginës, kafeja kishte mbaruar.',
        ),
        p(
          'Linja 74 kilometërshe u mbyll në vitin 2014, kur një rrëshqitje dheu mbuloi një pjesë të binarëve poshtë fshatit Sankt Aurel dhe dëmtoi dy nga këmbët e viaduktit. Riparimet u shtynë vazhdimisht ndërsa kostot rriteshin, dhe për një dekadë lugina u mbështet te një rrugë e vetme, e cila shpesh bllokohet nga bora gjatë dimrit.',
        ),
        p(
          'Linja e rihapur do të ketë katër trena vajtje-ardhje në ditë, gjashtë gjatë verës, si dhe një tren nate një herë në javë drejt bregdetit. Koha e udhëtimit deri në qendrën e rajonit bie në pak më pak se dy orë, rreth gjysma e kohës që i duhet autobusit zëvendësues.',
        ),
        h(2, 'E rindërtuar që nga themelet'),
        p(
          'Në vend që të arnonin trasenë e vjetër, inxhinierët e rindërtuan pjesën më të rrezikuar mbi një gjurmë të re, më lart në shpat, të mbrojtur nga galeri kullimi dhe një rrjetë çeliku kundër rënies së gurëve. Sensorët e vendosur nën tokë përgjatë skarpatës raportojnë çdo dhjetë minuta lëvizjet e terrenit në një sallë kontrolli në luginë.',
        ),
        portraitSq(media, 'portrait-anja-kovac', 'Anja Kovač', 'kryeinxhiniere e linjës së Luginës së Ostrelit'),
        quote(
          'Nuk donim të rihapnim një linjë që do të mbyllej sërish në pranverën e parë me shira. Pjesa më e madhe e parave shkoi në gjëra që pasagjerët nuk do t’i shohin kurrë: ujë, shkëmb dhe monitorim.',
          'Anja Kovač, kryeinxhiniere',
        ),
        p(
          'Vetë viadukti, një ndërtim guri i shekullit XIX me nëntë harqe, është përforcuar nga brenda me ankera çeliku, në mënyrë që pamja e tij të mbetet e pandryshuar. Shoqatat për mbrojtjen e trashëgimisë, që kishin frikë se ai do të zëvendësohej me një ndërtim betoni, e mirëpritën këtë zgjidhje.',
        ),
        h(2, 'Linjë jetike apo tren turistik?'),
        p(
          'Jo të gjithë në luginë janë të bindur se orari u përgjigjet nevojave të banorëve. Treni i parë i ditës niset nga Ostreli i Poshtëm në orën 6:40, që sipas banorëve është tepër vonë për punonjësit me turne në spitalin e qendrës rajonale.',
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
          'Operatori thotë se orari do të rishikohet pas tre muajsh dhe se një nisje më e hershme është e mundur nëse kërkesa e justifikon. Ndërkohë, zyrat e turizmit po e promovojnë trenin e natës te alpinistët dhe skiatorët, të cilët deri tani udhëtonin me makinë.',
        ),
        p(
          'Për Tereza Holubin, e cila mban furrën përballë stacionit të Ostrelit të Poshtëm dhe e kujton trenin e fundit të vitit 2014, pyetja se për kë është kjo linjë mund të presë. “Për njëmbëdhjetë vjet stacioni ishte një stacion autobusi me çati,” tha ajo. “Sot është sërish stacion treni.”',
        ),
        p(i('Ky artikull është përkthim i një artikulli të botuar fillimisht në anglisht.')),
      ),
  },
  {
    slug: 'festivali-i-pare-i-polifonise-ne-velmar',
    title: 'Këngët me iso mbushin Parkun e Mullirit: festivali i parë i polifonisë në Velmar',
    standfirst:
      'Katër grupe nga komuniteti shqiptar i qytetit dhe dy të ftuara nga jashtë sollën në skenën verore këngën polifonike, që shumë të rinj e dëgjonin drejtpërdrejt për herë të parë.',
    language: 'sq',
    categories: ['music', 'culture'],
    tags: ['Music', 'Festivals', 'Heritage'],
    authors: ['lena-varga'],
    featuredImage: 'folk-festival',
    hoursAgo: 180,
    body: () =>
      doc(
        p(
          'Kur katër burra me këmisha të bardha dolën në skenën verore të Parkut të Mullirit dhe njëri prej tyre e nisi këngën me një zë të lartë e të zgjatur, turma prej disa qindra vetash heshti menjëherë. Pastaj të tjerët nisën të mbanin ison, një notë të thellë e të qëndrueshme mbi të cilën ngrihen zërat e tjerë, dhe sheshi u mbush me një tingull që shumë të pranishëm e përshkruan më pas si “të vjetër dhe të gjallë njëkohësisht”.',
        ),
        p(
          'Ky ishte festivali i parë i polifonisë shqiptare në Velmar, i organizuar nga Shoqata Kulturore Shqiptare e qytetit me mbështetjen e bashkisë. Gjatë një pasditeje të gjatë u ngjitën në skenë gjashtë grupe: katër të formuara nga shqiptarë që jetojnë në Velmar dhe dy të ftuara nga jashtë vendit.',
        ),
        h(2, 'Një traditë që kërkon zëra të rinj'),
        p(
          'Kënga polifonike, me dy, tre ose katër zëra që ndërthuren mbi iso, është pjesë e trashëgimisë së pasur muzikore shqiptare dhe është njohur ndërkombëtarisht si pasuri kulturore e njerëzimit. Por në mërgim, ku brezat e rinj rriten me gjuhë dhe muzikë të tjera, ajo rrezikon të mbetet vetëm kujtim i të moshuarve.',
        ),
        quote(
          'Fëmijët tanë i njohin të gjitha këngët që dëgjojnë në telefon, por jo këngët e gjyshërve. Sot i pashë si u rrëqethën kur filloi isoja. Kjo është ajo që donim.',
          'Drita Selmani, kryetare e Shoqatës Kulturore Shqiptare',
        ),
        p(
          'Më të rinjtë në skenë ishin anëtarët e një grupi të ri nga Velmari, pesë vajza dhe djem nga 14 deri në 19 vjeç, që kanë nisur të këndojnë së bashku vetëm një vit më parë në kursin e së shtunës të shoqatës. Mësuesi i tyre, një këngëtar i moshuar nga jugu i Shqipërisë, ua mëson këngët ashtu siç i ka mësuar vetë: me vesh, pa nota.',
        ),
        quote(
          'Këtë këngë nuk e mëson dot nga libri. Duhet ta dëgjosh, ta gabosh dhe ta dëgjosh përsëri. Isoja është si rrënja e pemës: nuk duket, por pa të nuk qëndron asgjë.',
          'Llambi Dhima, mësues i këngës polifonike',
        ),
        h(2, 'Një publik i përzier'),
        p(
          'Jo të gjithë të pranishmit ishin shqiptarë. Shumë banorë të lagjes erdhën nga kureshtja, dhe organizatorët kishin përgatitur një fletëpalosje në gjuhën e vendit që shpjegonte si funksionon kënga me iso. Në fund të mbrëmjes, disa spektatorë iu bashkuan grupit të fundit për të mbajtur ison, me pak ndihmë nga skena.',
        ),
        quoteCard({
          author: 'Shoqata Kulturore Shqiptare e Velmarit',
          handle: '@shoqatavelmar',
          date: postedHoursAgo(190),
          text: 'Faleminderit të gjithëve që erdhët në festivalin e parë të polifonisë! Mbi 600 veta në Parkun e Mullirit dhe një iso që do ta mbajmë mend gjatë. Shihemi vitin që vjen.',
          url: socialUrl('shoqatavelmar', '2800110500'),
          network: 'Mastodon',
        }),
        p(
          'Shoqata ka njoftuar se festivali do të mbahet çdo vit dhe se herën tjetër synon të ftojë edhe grupe polifonike nga tradita të tjera, për të treguar se kënga me shumë zëra është një gjuhë e përbashkët për shumë kultura.',
        ),
      ),
  },
];
