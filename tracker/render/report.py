"""output/index.html: every indicator with its chart, its figures and its flags.

One page with its style and a short script inline and no outside resources, so it opens from
disk in any browser. Charts are inline SVG whose points tell, on hover, their value, date,
claimant, outlet, quote and flags, and open their article on a click (tracker.render.interactive).
Filters by indicator and claimant sit at the top; without the script everything is shown. Nothing
in it depends on the time it was made.
"""

from __future__ import annotations

from tracker import __version__
from tracker.ledger.model import Ledger
from tracker.series import Series
from tracker.text.formatting import html_text as escape
from tracker.text.formatting import stated, subtitle

CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1240px;padding:0 18px;color:#222}
h1{font-size:26px;margin:22px 0 4px}h2{font-size:20px;margin:36px 0 2px;padding-top:8px;border-top:1px solid #ddd}
.sub{color:#555;margin:0 0 10px}.small{font-size:13px;color:#555}
img{max-width:100%;height:auto;border:1px solid #eee}
table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}
th,td{border-bottom:1px solid #e6e6e6;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f6f6;position:sticky;top:0}td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tr.rejected td{color:#999;text-decoration:line-through}tr.candidate td{font-style:italic}
.quote{max-width:460px}.flag{color:#a00000}.supported{color:#2a6b2a}.notice{color:#555}
nav a{margin-right:12px;white-space:nowrap}code{font-size:12px}
.chart svg{max-width:100%;height:auto;border:1px solid #eee}.point-link{cursor:pointer}
.point-link:hover .point,.point-link:focus .point{filter:drop-shadow(0 0 3px #333)}
.dim{opacity:.15}.filters{position:sticky;top:0;background:#fff;padding:8px 0;border-bottom:1px solid #ddd;z-index:2}
.filters label{margin-right:16px}.hidden{display:none}
.chart svg *{pointer-events:none}.chart svg a.point-link,.chart svg a.point-link *{pointer-events:auto}
.point-link:focus{outline:none}.point-link:focus-visible .point{filter:drop-shadow(0 0 3px #0050b4)}
#tip{position:absolute;z-index:5;max-width:420px;background:#fff;border:1px solid #888;border-radius:4px;
padding:6px 8px;font-size:13px;line-height:1.35;white-space:pre-line;box-shadow:0 2px 8px rgba(0,0,0,.2)}
#tip[hidden]{display:none}.none-match{font-style:italic;color:#555}
select{max-width:100%}@media (max-width:700px){table{display:block;overflow-x:auto}.quote{min-width:260px}}  /* phones */
@media print{.filters,nav,#tip{display:none}.dim{opacity:1}.hidden{display:block}h2{break-before:page}}
"""
SCRIPT = """
(function(){
  var ind=document.getElementById('filter-indicator'), cl=document.getElementById('filter-claimant');
  var tip=document.getElementById('tip'), shown=null, touch=false;
  var links=[].slice.call(document.querySelectorAll('a.point-link'));
  links.forEach(function(a){
    var t=a.querySelector('title'); if(t){t.parentNode.removeChild(t);}  /* ours, not the browser's late one */
    a.setAttribute('aria-label', a.dataset.tip);
    var g=a.querySelector('.point');
    if(g && g.classList.contains('flagged')){a.parentNode.appendChild(a);}  /* flagged points drawn on top */
  });
  function show(a){
    shown=a; tip.textContent=a.dataset.tip; tip.hidden=false;
    var r=a.getBoundingClientRect(), w=tip.offsetWidth, h=tip.offsetHeight;
    var x=Math.min(window.scrollX+r.right+8, window.scrollX+document.documentElement.clientWidth-w-8);
    var y=window.scrollY+r.top-h-8; if(y<window.scrollY){y=window.scrollY+r.bottom+8;}
    tip.style.left=Math.max(window.scrollX+4,x)+'px'; tip.style.top=y+'px';
  }
  function hide(){shown=null; tip.hidden=true;}
  links.forEach(function(a){
    /* a pointer that hovers; a touch's hover comes just before its click and would make the first tap open */
    a.addEventListener('pointerenter', function(e){if(e.pointerType!=='touch'){show(a);}});
    a.addEventListener('pointerleave', function(e){if(e.pointerType!=='touch'){hide();}});
    a.addEventListener('focus', function(){if(!touch){show(a);}});  /* a tap focuses too: its click decides */
    a.addEventListener('blur', hide);
    a.addEventListener('pointerdown', function(e){touch=e.pointerType==='touch';});
    a.addEventListener('click', function(e){  /* a first tap shows the text; a second opens the article */
      if(touch && shown!==a){e.preventDefault(); show(a);}});
  });
  document.addEventListener('keydown', function(e){touch=false; if(e.key==='Escape'){hide();}});
  /* points drawn on one spot (re-prints of one value on one date): whichever the pointer reaches tells all */
  var centres=links.map(function(a){var g=a.querySelector('.point'), m=g.querySelector('use')||g,
    r=m.getBoundingClientRect(); return {a:a, svg:a.ownerSVGElement, x:r.left+r.width/2, y:r.top+r.height/2};});
  centres.forEach(function(c){
    var also=centres.filter(function(o){return o!==c && o.svg===c.svg && Math.abs(o.x-c.x)<10 && Math.abs(o.y-c.y)<10;});
    if(also.length){
      c.a.dataset.also=also.map(function(o){return o.a.querySelector('.point').dataset.figure;}).join(' ');
      c.a.dataset.tip+='\\n\\nAt the same point:\\n'+also.map(function(o){return o.a.dataset.tip.split('\\n')[0]+
        ' \\u2014 '+o.a.dataset.tip.split('\\n')[1];}).join('\\n');
      c.a.setAttribute('aria-label', c.a.dataset.tip);
    }
  });
  function apply(){
    var i=ind.value, c=cl.value;
    document.querySelectorAll('section.indicator').forEach(function(s){
      s.classList.toggle('hidden', i!=='' && s.dataset.indicator!==i);
      var rows=s.querySelectorAll('tr[data-claimant]'), left=0;
      rows.forEach(function(r){var off=c!=='' && r.dataset.claimant!==c; r.classList.toggle('hidden', off);
        if(!off){left++;}});
      var none=s.querySelector('.none-match');
      if(none){none.textContent=(c!=='' && left===0) ? 'No figure of this indicator is '+c+'\\u2019s.' : '';
        none.classList.toggle('hidden', !(c!=='' && left===0));}
    });
    document.querySelectorAll('.point').forEach(function(p){
      var off=c!=='' && p.dataset.claimant!==c;
      p.classList.toggle('dim', off);
      var id=p.id, base=id.slice(0, id.indexOf('--figure-')+2), fid=id.slice(id.indexOf('--figure-')+9);
      ['span-','range-','value-','glyph-','flag-'].forEach(function(k){
        var m=document.getElementById(base+k+fid); if(m){m.classList.toggle('dim', off);}});
    });
    var any=c==='' || document.querySelector('tr[data-claimant]:not(.hidden)');
    var msg=document.getElementById('filter-none'); msg.hidden=!!any;
    msg.textContent=any ? '' : 'No figure in the ledger is '+c+'\\u2019s.';
  }
  ind.addEventListener('change', apply); cl.addEventListener('change', apply);
})();
"""


def _when(f) -> str:
    if f.change:
        return f"{f.when} vs {f.compared_to}"
    span = f.when
    if span is None:
        return "undated"
    return f"{span} (published)" if f.as_of_defaulted else str(span)


def _figure_rows(ledger: Ledger, s: Series) -> str:
    unit = "share" if s.indicator.is_share else s.indicator.unit
    rows = []
    figures = [p.figure for p in (*s.points, *s.candidates, *s.rejected)] + list(s.relative) + list(s.undated)
    figures.sort(key=lambda f: (f.when.last.isoformat() if f.when else "9999", f.id))
    echo = {p.id: p.echo_of for p in s.points}
    for f in figures:
        src = ledger.sources[f.source]
        outlet = escape(src.publisher)
        if src.url:
            outlet = f'<a href="{escape(src.url)}">{outlet}</a>'
        pub = escape(str(src.published)) if src.published else "undated"
        status = f.status + (f" (echo of {escape(echo[f.id])})" if echo.get(f.id) else "")
        rows.append(
            f'<tr class="{f.status}" id="fig-{escape(f.id)}" data-claimant="{escape(f.claimant)}">'
            f'<td class="num">{escape(stated(f, unit))}</td>'
            f"<td>{f.qualifier}</td><td>{escape(_when(f))}</td><td>{escape(f.claimant)}</td>"
            f"<td>{outlet} ({pub})</td><td class=quote>{escape(f.quote)}"
            f"{'<br><span class=small>' + escape(f.note) + '</span>' if f.note else ''}</td>"
            f"<td>{status}<br><code>{escape(f.id)}</code></td></tr>")
    head = ("<tr><th>value as stated</th><th>qualifier</th><th>date</th><th>claimant</th><th>outlet</th>"
            "<th>quote</th><th>status</th></tr>")
    return f"<table>{head}{''.join(rows)}</table>"


def _flag_list(flags, ind_id: str) -> str:
    mine = [f for f in flags or () if f.indicator == ind_id]
    if not mine:
        return '<p class="small">No flags.</p>' if flags is not None else ""
    items = []
    for f in mine:
        cls = {"info": "supported", "notice": "notice"}.get(f.severity, "flag")
        items.append(f'<li class="{cls}"><b>{escape(f.code)}</b> ({escape(f.severity)}): {escape(f.message)}</li>')
    return f"<h3>Flags</h3><ul>{''.join(items)}</ul>"


def _filters(ledger: Ledger, series_by_id: dict[str, Series]) -> str:
    claimants = sorted({f.claimant for f in ledger.figures}, key=str.lower)
    ind = "".join(f'<option value="{escape(i)}">{escape(i)}</option>' for i in series_by_id)
    cl = "".join(f'<option value="{escape(c)}">{escape(c)}</option>' for c in claimants)
    return (f'<div class="filters"><label>Indicator <select id="filter-indicator"><option value="">all</option>'
            f'{ind}</select></label><label>Claimant <select id="filter-claimant"><option value="">all</option>'
            f"{cl}</select></label><span class=small>Hover, focus or tap a point for its source; click to open the "
            'article.</span> <span id="filter-none" class="none-match" role="status" hidden></span></div>')


def render(ledger: Ledger, series_by_id: dict[str, Series], images: dict[str, str] | None = None, flags=None,
           overview: bool = True, svgs: dict[str, str] | None = None) -> str:
    """The report as HTML. `svgs` maps an indicator to its chart as annotated SVG to inline; `images` to a
    chart file to show where there is no SVG (indicators with neither say the chart is not drawn yet);
    `flags` are the whole ledger's."""
    images = images if images is not None else {i: f"{i}.svg" for i in series_by_id}
    svgs = svgs or {}
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        "<meta name=viewport content='width=device-width,initial-scale=1'>",
        f"<title>tracker: {len(ledger.indicators)} indicators</title><style>{CSS}</style></head><body>",
        "<h1>Figures reported in the news</h1>",
        f'<p class="sub">{len(ledger.figures)} figures on {len(ledger.indicators)} indicators from '
        f"{len(ledger.sources)} sources. Ledger <code>{ledger.content_hash[:12]}</code>, "
        f"made with tracker {__version__}.</p>",
        '<p><a href="overview.png"><img src="overview.png" alt="All indicators" loading=lazy></a></p>' if overview
        else "",
        "<nav>" + "".join(f'<a href="#{escape(i)}">{escape(i)}</a> ' for i in series_by_id) + "</nav>",
        _filters(ledger, series_by_id),
    ]
    for ind_id, s in series_by_id.items():
        ind = s.indicator
        parts.append(f'<section class="indicator" data-indicator="{escape(ind_id)}">')
        parts.append(f'<h2 id="{escape(ind_id)}">{escape(ind.title)}</h2>')
        parts.append(f'<p class="sub">{escape(subtitle(s))} · <code>{escape(ind_id)}</code></p>')
        if ind.description:
            parts.append(f'<p class="small">{escape(ind.description)}</p>')
        if svgs.get(ind_id):
            parts.append(f'<figure class="chart" aria-label="Chart of {escape(ind.title)}">{svgs[ind_id]}'
                         f'<figcaption class="small"><a href="data/{escape(ind_id)}.csv">The data of this chart (CSV)'
                         "</a></figcaption></figure>")
        elif images.get(ind_id):
            parts.append(f'<p><img src="{escape(images[ind_id])}" alt="Chart of {escape(ind.title)}" '
                         f'width=1200 height=675 loading=lazy><br><a class=small href="data/{escape(ind_id)}.csv">'
                         "The data of this chart (CSV)</a></p>")
        elif s.points or s.candidates or s.rejected:
            parts.append(f'<p class="small">Chart not drawn yet: run <code>tracker chart {escape(ind_id)}</code>.</p>')
        parts.append(_flag_list(flags, ind_id))
        parts.append('<p class="none-match hidden" role="status"></p>')
        parts.append(_figure_rows(ledger, s))
        parts.append("</section>")
    parts.append('<div id="tip" role="tooltip" hidden></div>')
    parts.append(f"<script>{SCRIPT}</script></body></html>\n")
    return "\n".join(parts)
