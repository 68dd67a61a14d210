//! The page's own style sheet and script, inlined so the file stands alone.

pub(crate) const STYLE: &str = r#"
:root{color-scheme:light;--text:#1a1a1a;--muted:#555;--line:#d0d0d0}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--text);background:#fff;margin:0;line-height:1.5}
header,main{max-width:72rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.6rem;margin:1rem 0 .25rem}h2{font-size:1.3rem;margin-top:2rem}
nav a{margin-right:1rem}
a{color:#0b4f9c}a:focus,button:focus,input:focus,.text:focus{outline:3px solid #f5a300;outline-offset:2px}
.hoppa{position:absolute;left:-999px}.hoppa:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem}
table{border-collapse:collapse;margin:1rem 0;width:100%}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f2f2f2}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
.forklaring,.fakta,figcaption{color:var(--muted)}
.diagram{margin:1rem 0}
.sida{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem}
.text{white-space:pre-wrap;font-family:ui-monospace,Consolas,monospace;font-size:.9rem;border:1px solid var(--line);padding:1rem;overflow-wrap:anywhere}
mark{color:inherit;padding:0 1px}
mark.fel{font-weight:600}mark.info{border-bottom-style:dotted!important}
ol.fynd{list-style:none;padding:0;margin:0}
ol.fynd li{padding:.25rem .75rem;margin:0 0 .75rem;background:#fafafa}
ol.fynd p{margin:.2rem 0}
.etikett{color:#fff;border-radius:3px;padding:0 .35rem;font-size:.8rem}
.allvar{font-size:.8rem;text-transform:uppercase;color:var(--muted)}
.forslag{font-style:italic}
.kalla{font-size:.85em;color:#555}
.titel{color:var(--muted)}
table.oversikt td.uppnatt{background:#e3f1e5}table.oversikt td.ej-uppnatt{background:#fbe3e1}table.oversikt td.osakert{background:#fff4d6}
dl.om{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.om dt{font-weight:600}dl.om dd{margin:0}
tr.brist td:last-child{color:#b3261e;font-weight:600}
tr.ok td:last-child{color:#2f7d32}
section.dokument{border-top:2px solid #333;margin-top:3rem}
@media (max-width:60rem){.sida{grid-template-columns:1fr}}
@media print{
  @page{size:A4;margin:15mm}
  body{font-size:9pt;line-height:1.35}
  table{font-size:8.5pt}
  td{white-space:nowrap}
  th[scope=row]{white-space:normal}
  h1{font-size:15pt}h2{font-size:12pt}
  nav,.hoppa,#filter,label[for=filter]{display:none}
  header,main{max-width:none;padding:0}
  section.dokument{break-before:page;border:0}
  li,figure,tr{break-inside:avoid}
  h2{margin-top:1rem;break-after:avoid}
  th,td{padding:.12rem .4rem}
  table{margin:.5rem 0}
  .diagram svg{max-width:15cm!important}
  dl.om{gap:0 1rem}
  .sida{grid-template-columns:3fr 2fr}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  a{color:inherit;text-decoration:none}
}
"#;

pub(super) const SCRIPT: &str = r#"
(function(){
  var table=document.getElementById('dokumentlista');
  if(!table)return;
  var body=table.tBodies[0];
  var filter=document.getElementById('filter');
  filter.addEventListener('input',function(){
    var q=filter.value.toLowerCase();
    Array.prototype.forEach.call(body.rows,function(r){
      r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;
    });
  });
  Array.prototype.forEach.call(table.tHead.querySelectorAll('button'),function(b){
    b.addEventListener('click',function(){
      var col=+b.dataset.kolumn,num=b.dataset.tal==='1',th=b.parentNode;
      var asc=th.getAttribute('aria-sort')!=='ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells,function(c){c.setAttribute('aria-sort','none');});
      th.setAttribute('aria-sort',asc?'ascending':'descending');
      var rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,c){
        var x=a.cells[col],y=c.cells[col];
        var d=num?(+x.dataset.varde)-(+y.dataset.varde):x.textContent.localeCompare(y.textContent,'sv');
        return asc?d:-d;
      });
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
})();
"#;
