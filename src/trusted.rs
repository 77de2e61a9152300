//! Trusted Types: the one way the app creates a policy. The header set (scripts/headers.mjs)
//! enforces `require-trusted-types-for 'script'` and allows exactly the policy names the app and
//! index.html create; each policy is created once per page (the CSP forbids a second policy of
//! the same name) and applied through [`Policy::apply`]. Where the browser has no Trusted Types,
//! `apply` returns the plain string, which the sink then takes as it is.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// A created policy and the one method it offers (`createHTML`, `createScriptURL`).
pub struct Policy {
    policy: Option<JsValue>,
    method: &'static str,
}

impl Policy {
    /// Creates the policy `name` whose `method` passes its input through `rule` (a Rust closure:
    /// `new Function` would need 'unsafe-eval', which the CSP does not allow).
    pub fn create(name: &str, method: &'static str, rule: fn(JsValue) -> JsValue) -> Policy {
        Policy { policy: create(name, method, rule), method }
    }

    /// `value` through the policy (a TrustedHTML / TrustedScriptURL), or the plain string where
    /// the browser has no Trusted Types.
    pub fn apply(&self, value: &str) -> JsValue {
        self.policy
            .as_ref()
            .and_then(|policy| {
                let f = js_sys::Reflect::get(policy, &self.method.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
                f.call1(policy, &JsValue::from_str(value)).ok()
            })
            .unwrap_or_else(|| JsValue::from_str(value))
    }
}

fn create(name: &str, method: &str, rule: fn(JsValue) -> JsValue) -> Option<JsValue> {
    let w = web_sys::window()?;
    let tt = js_sys::Reflect::get(&w, &"trustedTypes".into()).ok().filter(|v| v.is_object())?;
    let create = js_sys::Reflect::get(&tt, &"createPolicy".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let options = js_sys::Object::new();
    let f = Closure::<dyn Fn(JsValue) -> JsValue>::new(rule);
    js_sys::Reflect::set(&options, &method.into(), f.as_ref()).ok()?;
    f.forget(); // the policy keeps it for the page's lifetime; created once
    create.call2(&tt, &name.into(), &options).ok()
}
