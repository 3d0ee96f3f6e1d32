# Varnish in front of Broadsheet (between nginx's TLS and the instances, or as the CDN), purged
# exactly by cache tag. Every instance POSTs each purge to PURGE_URL with the tags in one header,
# `Surrogate-Key: post:42 tag:7 home`, or `Surrogate-Key: all`; cacheable responses carry their
# tags in `Surrogate-Key` (on by default once PURGE_URL is set). Varnish 6 or 7:
#   PURGE_URL=http://127.0.0.1:6081/   (on every instance)
#   varnishd -a 127.0.0.1:6081 -f /etc/varnish/broadsheet.vcl -s malloc,1G
# and point nginx's upstream at 127.0.0.1:6081 instead of the instances.
vcl 4.1;

import directors;

backend app1 { .host = "127.0.0.1"; .port = "3001"; .probe = { .url = "/readyz"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; } }
backend app2 { .host = "127.0.0.1"; .port = "3002"; .probe = { .url = "/readyz"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; } }
backend app3 { .host = "127.0.0.1"; .port = "3003"; .probe = { .url = "/readyz"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; } }

# Who may purge: the instances.
acl purgers { "127.0.0.1"; }

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
    app.add_backend(app3);
}

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "POST" && req.http.Surrogate-Key && client.ip ~ purgers && req.url == "/") {
        if (req.http.Surrogate-Key == "all") {
            ban("obj.status != 0");
        } else {
            # Tags are letters, digits, ':' '-' '_' and '.': safe in a regex once the dots are escaped.
            ban("obj.http.Surrogate-Key ~ (^|\s)(" + regsuball(regsuball(req.http.Surrogate-Key, "\.", "\\."), "\s+", "|") + ")(\s|$)");
        }
        return (synth(200, "Purged"));
    }

    # The admin, previews and anything a reader is signed in for are never cached (the app says
    # `private, no-store` too); the built-in VCL passes requests with cookies or credentials.
    if (req.url ~ "^/(admin|preview)(/|$)") {
        return (pass);
    }
}

sub vcl_backend_response {
    # The app's Cache-Control is the rule (public pages: a short max-age with
    # stale-while-revalidate; media and hashed assets: long). Keep objects long enough to serve
    # stale while an instance restarts; the tags purge them the moment they change.
    set beresp.grace = 1h;
}

sub vcl_deliver {
    # The tags are for Varnish, not for readers.
    unset resp.http.Surrogate-Key;
}
