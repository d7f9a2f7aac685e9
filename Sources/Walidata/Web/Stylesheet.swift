import Vapor

/// Walidata's own stylesheet, served from the binary: small, system fonts, no third-party host.
/// Screen and print rules live together so every page prints sensibly on A4.
enum Stylesheet {
    static let css = """
    :root{--ink:#1b2430;--muted:#5b6675;--line:#c9d1db;--bg:#f5f7fa;--brand:#0b5394;--ok:#1e7b34;--err:#b3261e;--warn:#8a5a00}
    *{box-sizing:border-box}
    html{font-size:16px}
    body{margin:0;font-family:system-ui,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;color:var(--ink);background:var(--bg);line-height:1.45}
    a{color:var(--brand)}
    .top{background:#fff;border-bottom:3px solid var(--brand);padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between}
    .brand a{font-weight:700;font-size:1.25rem;text-decoration:none;margin-right:.6rem}
    .brand span{color:var(--muted);font-size:.85rem}
    .nav{display:flex;flex-wrap:wrap;gap:.25rem .9rem;align-items:center;font-size:.95rem}
    .nav a{text-decoration:none;padding:.2rem 0}
    .nav a[aria-current=page]{font-weight:700;border-bottom:2px solid var(--brand)}
    .who{color:var(--muted);font-size:.85rem}
    .tools{display:flex;flex-wrap:wrap;gap:.25rem .9rem;align-items:center;font-size:.9rem;margin-left:auto}
    .tools a{text-decoration:none}.tools a.who:hover{text-decoration:underline}
    .tools a[aria-current=page]{font-weight:700}
    .tools+.nav{flex-basis:100%;border-top:1px solid var(--line);padding-top:.4rem}
    main{max-width:72rem;margin:1rem auto;padding:0 1rem}
    .foot{max-width:72rem;margin:2rem auto 1rem;padding:0 1rem;color:var(--muted);font-size:.8rem}
    h1{font-size:1.5rem;margin:.5rem 0 1rem}
    h2{font-size:1.15rem;margin:1.5rem 0 .6rem}
    .card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:1rem;margin:0 0 1rem}
    .card>h2:first-child{margin-top:0}
    .narrow{max-width:26rem;margin:2rem auto}
    .flash{padding:.6rem .8rem;border-radius:4px;border:1px solid}
    .flash-ok{background:#e8f5ec;border-color:#9fd3ae;color:var(--ok)}
    .flash-error,.errors{background:#fdecea;border-color:#f1aaa4;color:var(--err)}
    .note-target{background:#fff3cd}
    .note-beside{border-left:4px solid #c0392b;background:#fdecea;padding:4px 8px;margin:2px 0 6px}
    #revision-target{border:2px solid #e9c46a;padding:2px 8px;margin:6px 0}
    .errors{padding:.6rem .8rem .6rem 2rem;border:1px solid #f1aaa4;border-radius:4px}
    .hint{color:var(--muted);font-size:.85rem;margin:.2rem 0 0}
    .warn{background:#fff6e0;border:1px solid #e9c46a;color:var(--warn);padding:.6rem .8rem;border-radius:4px}
    label{display:block;font-weight:600;margin:.8rem 0 .25rem}
    input[type=text],input[type=search],input[type=password],input[type=email],input[type=date],input[type=time],input[type=datetime-local],input[type=number],input[type=file],select,textarea{width:100%;padding:.5rem;border:1px solid #9aa5b1;border-radius:4px;font:inherit;background:#fff}
    .facet h3{font-size:1rem;margin:.7rem 0 .2rem}.facet p{margin:0;line-height:1.9}#catalog-facets{margin-top:1rem}
    textarea{min-height:5rem}
    input:focus,select:focus,textarea:focus,button:focus,a:focus{outline:3px solid #9cc3ec;outline-offset:1px}
    button,.button{display:inline-block;background:var(--brand);color:#fff;border:0;border-radius:4px;padding:.55rem 1rem;font:inherit;font-weight:600;cursor:pointer;text-decoration:none}
    button.secondary,.button.secondary{background:#fff;color:var(--brand);border:1px solid var(--brand)}
    button.danger{background:var(--err)}
    button.link{background:none;color:var(--brand);padding:0;font-weight:400;border:0}
    form.inline{display:inline;margin:0}
    .badge{display:inline-block;padding:.05rem .45rem;border-radius:3px;font-size:.85rem;font-weight:600;background:#e6f2e8;color:var(--ok)}.badge-near_limit{background:#fff6e0;color:var(--warn)}.badge-late,.badge-done_late{background:#fde8e6;color:var(--err)}
    .actions{margin-top:1rem;display:flex;gap:.6rem;flex-wrap:wrap;align-items:center}
    table.list{width:100%;border-collapse:collapse;background:#fff}
    #monitoring-lines select,#evaluation-criteria select{min-width:9.5rem}
    #monitoring-lines textarea{min-width:11rem}
    table.list th,table.list td{border-bottom:1px solid var(--line);padding:.45rem .5rem;text-align:left;vertical-align:top}
    table.list th{background:#eef2f6;font-size:.9rem}
    table.list td input,table.list td select{margin:0}
    table.list th[scope=row]{vertical-align:middle}
    .table-wrap{overflow-x:auto}
    .badge{display:inline-block;padding:.05rem .45rem;border-radius:3px;font-size:.8rem;background:#e6ecf2}
    .badge.ok{background:#e8f5ec;color:var(--ok)}
    .badge.off{background:#f3e3e2;color:var(--err)}
    .badge.draft{background:#fff6e0;color:var(--warn)}
    table.meta{border-collapse:collapse}
    table.meta th{text-align:left;vertical-align:top;padding:.2rem 1.2rem .2rem 0;font-weight:600;white-space:nowrap}
    table.meta td{padding:.2rem 0;overflow-wrap:anywhere}
    summary{cursor:pointer;font-weight:600}
    tr.current td{background:#f3f8fc}
    .filter-row{display:grid;grid-template-columns:2fr 1.4fr 2fr;gap:0 .8rem}
    .filter-row+.filter-row label{display:none}
    .filter-row:first-child{grid-auto-flow:column;grid-template-rows:auto auto}
    .filter-row+.filter-row{margin-top:.4rem}
    ul.problems{padding-left:1.2rem}
    ul.problems li{padding:.2rem .4rem;margin:.2rem 0;list-style:disc}
    del{color:var(--err)}ins{color:var(--ok);text-decoration:none;font-weight:600}
    pre.diff{white-space:pre-wrap;word-break:break-word}.report-round{border-top:1px solid var(--line);padding-top:.5rem}
    .grid2{display:grid;grid-template-columns:1fr 1fr;gap:0 1rem}
    figure.chart{margin:0 0 1rem}figure.chart img{display:block;width:100%;max-width:30rem;height:auto}figure.chart figcaption{font-size:.9rem}
    code.sha{word-break:break-all;font-size:.8em}
    .token{font-family:ui-monospace,Menlo,Consolas,monospace;background:#fff;border:1px dashed var(--brand);padding:.6rem;word-break:break-all}
    .muted{color:var(--muted)}
    ul.plain{list-style:none;padding:0;margin:0}ul.plain li{margin:0 0 .8rem}label.check .muted{font-weight:400}
    .error-page .code{font-size:3rem;font-weight:700;color:var(--muted);margin:0}
    .tools .count,.nav .count{display:inline-block;min-width:1.3rem;padding:0 .35rem;margin-left:.2rem;border-radius:1rem;background:var(--err);color:#fff;font-size:.8rem;font-weight:700;text-align:center;line-height:1.3rem}
    ul.notices{list-style:none;margin:0;padding:0}
    .notice{background:#fff;border:1px solid var(--line);border-left:4px solid var(--line);border-radius:4px;padding:.6rem .8rem;margin:0 0 .6rem}
    .notice.unread{border-left-color:var(--err)}
    .notice p{margin:.15rem 0}
    .notice-foot{display:flex;flex-wrap:wrap;gap:.3rem .8rem;align-items:center;justify-content:space-between}
    .notice-state.still-late{color:var(--err)}
    .badge.new{background:var(--err);color:#fff}
    #read-all{margin:0 0 1rem}
    button.small{padding:.3rem .7rem;font-size:.9rem}
    .tiles{display:flex;flex-wrap:wrap;gap:.6rem;margin:0 0 .5rem}
    .tile{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.5rem .9rem;margin:0}
    .tile strong{font-size:1.4rem;margin-right:.3rem}
    .tile-late{border-color:#f1aaa4;background:#fdecea;color:var(--err)}
    form.period{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}
    form.period>div{flex:1 1 10rem}
    form.period .hint{flex-basis:100%}
    table.list .num{text-align:right}
    td.late-by{color:var(--err);font-weight:600;white-space:nowrap}
    td.dur{white-space:nowrap}
    td.case .muted{display:block}
    #attachments-table td .muted{display:block;font-size:.85rem}#attachments-table td .when{white-space:nowrap}
    form.store-attachment{display:flex;flex-wrap:wrap;gap:0 .6rem;align-items:flex-end;margin-top:.4rem}
    form.store-attachment label{margin:.3rem 0 .2rem;font-size:.9rem;white-space:nowrap}
    form.store-attachment>div{flex:1 1 11rem}form.store-attachment>div:last-child{flex:0 0 auto}
    fieldset.new-dataset{flex:1 1 100%;margin:.5rem 0}fieldset.new-dataset .fields{display:flex;flex-wrap:wrap;gap:0 .6rem}fieldset.new-dataset .fields>div{flex:1 1 10rem}
    .metadata-missing{color:var(--warn);font-size:.9rem}
    .current-step{border-left:4px solid var(--brand)}.step-work{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:0 1.5rem;align-items:start}.step-work.stacked{grid-template-columns:minmax(0,1fr)}
    .step-main .card{border:0;padding:0;margin:0 0 1rem}.step-main .card>h2{font-size:1.05rem}.step-main h3:first-child{margin-top:0}.letter-preview{border:1px dashed var(--line);padding:.4rem .8rem;margin:.5rem 0}
    ol.history{list-style:none;padding:0;margin:0}ol.history li{padding:.3rem 0;border-bottom:1px solid var(--line)}details>summary{cursor:pointer;font-weight:600;padding:.3rem 0}
    ol.history li,.facts li,ol.timeline li,.narrative,.letter-preview{overflow-wrap:anywhere}
    @media (max-width:900px){.step-work{grid-template-columns:minmax(0,1fr)}}
    .grid3{display:grid;grid-template-columns:1fr 1fr 1fr;gap:0 1rem}
    input.time-input{max-width:6.5rem}input.date-input{max-width:11rem}
    table.list .num{font-variant-numeric:tabular-nums}
    code,.sha,.narrative,.flash,main p,main li,main dd{overflow-wrap:anywhere}
    @media (max-width:640px){.grid3{grid-template-columns:1fr}}
    @media (max-width:640px){table.meta.stack th,table.meta.stack td{display:block;padding:.1rem 0}table.meta.stack th{padding-top:.5rem}table.list.stack thead{display:none}table.list.stack,table.list.stack tbody,table.list.stack tr,table.list.stack td{display:block;width:100%}table.list.stack tr{border-bottom:2px solid var(--line);padding:.35rem 0}table.list.stack td,table.list.stack td.num{border:0;padding:.1rem .5rem .1rem 42%;position:relative;text-align:left;white-space:normal}table.list.stack td::before{content:attr(data-label);position:absolute;left:.5rem;width:36%;font-weight:600;color:var(--muted);font-size:.85rem}table.meta th{white-space:normal}.filter-row{grid-template-columns:1fr}.filter-row:first-child{grid-auto-flow:row;grid-template-rows:none}.filter-row+.filter-row label{display:block}.grid2{grid-template-columns:1fr}.top{padding:.5rem}main{padding:0 .5rem}h1{font-size:1.25rem}}
    @media print{.top,.foot,.no-print,.actions{display:none!important}body{background:#fff}main{max-width:none;margin:0;padding:0}.card{border:0;padding:0}}
    """


    static func response(_ request: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return Response(status: .ok, headers: headers, body: .init(string: css))
    }
}
