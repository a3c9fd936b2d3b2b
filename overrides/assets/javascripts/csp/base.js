// Material 9.8.1 partials/javascripts/base.html, moved out of the page for CSP script-src 'self'.
// Changed: the scope is read from the script tag's data-md-scope instead of a template value; and
// with site storage blocked (a privacy setting: reading window.localStorage throws), the storage
// is null and __md_get returns null, so Material's scripts run on without saved settings
// (Material's own code passes sessionStorage to these functions by name, hence null, not a throw).
for(const e of["localStorage","sessionStorage"])try{window[e]}catch(_){Object.defineProperty(window,e,{value:null})}
__md_scope=new URL(document.currentScript.dataset.mdScope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>{try{return JSON.parse(_.getItem(t.pathname+"."+e))}catch(e){return null}},__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
