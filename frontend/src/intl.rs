//! The browser's `Intl` objects, built without exceptions: an option or a code the browser
//! refuses gives `None`. Natively (the unit tests) there is no browser, so always `None`.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// `new Intl.<class>(locale, options)`.
pub fn construct(class: &str, locale: &str, options: &[(&str, &str)]) -> Option<JsValue> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &class.into()).ok()?.dyn_into().ok()?;
    let object = Object::new();
    for (key, value) in options {
        Reflect::set(&object, &(*key).into(), &(*value).into()).ok()?;
    }
    Reflect::construct(&constructor, &Array::of2(&locale.into(), &object)).ok()
}

/// Calls `object.method(argument)`.
pub fn call1(object: &JsValue, method: &str, argument: &JsValue) -> Option<JsValue> {
    let function: Function = Reflect::get(object, &method.into()).ok()?.dyn_into().ok()?;
    function.call1(object, argument).ok()
}

/// A language's name in that language (`sw`: "Kiswahili", `hi`: "हिन्दी"), when the browser
/// knows the code.
pub fn native_language_name(code: &str) -> Option<String> {
    let names = construct(
        "DisplayNames",
        code,
        &[("type", "language"), ("fallback", "none")],
    )?;
    let name = call1(&names, "of", &code.into())?.as_string()?;
    // `Intl` writes names as they stand in a sentence ("español"); a chip starts a phrase.
    let mut chars = name.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}
