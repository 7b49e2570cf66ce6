//! One resource type for every asynchronous load of the app.
//!
//! Each `LocalResource<T>` compiles Leptos's async machinery (the async derived signal, the
//! future that wraps the fetch, their drop glue) once more for its `T` and its fetcher: about
//! 3 KB of wasm each. A [`Loader<T>`] is a typed handle over one type-erased `LocalResource`,
//! so that this machinery is compiled once for the whole app.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::rc::Rc;

use futures::FutureExt;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;

/// What every loader's resource holds: the value of its `T`, behind one type.
type Loaded = Rc<dyn Any>;

/// A `LocalResource<T>` whose machinery is shared by every `T` (see the module's comment).
pub struct Loader<T> {
    resource: LocalResource<Loaded>,
    value: PhantomData<fn() -> T>,
}

// Copy for every `T`, as `LocalResource` is: derives would ask `T: Copy`.
impl<T> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Loader<T> {}

/// `fetched` behind the one future type of every loader. Generic over the future only (not
/// over the closure that makes it, as code inside `Loader::new` would be), so that the loads
/// that run the same fetch (the countries, say) share its compiled code.
fn erase<T: 'static, Fut: Future<Output = T> + 'static>(
    fetched: Fut,
) -> LocalBoxFuture<'static, Loaded> {
    fetched.map(|value| Rc::new(value) as Loaded).boxed_local()
}

impl<T: Clone + 'static> Loader<T> {
    /// Runs `fetch` now and again whenever a signal it reads changes, like `LocalResource::new`.
    pub fn new<Fut: Future<Output = T> + 'static>(fetch: impl Fn() -> Fut + 'static) -> Self {
        let fetch: Box<dyn Fn() -> LocalBoxFuture<'static, Loaded>> =
            Box::new(move || erase(fetch()));
        Self {
            resource: LocalResource::new(fetch),
            value: PhantomData,
        }
    }

    /// The value once loaded (tracked), like `LocalResource::get`.
    pub fn get(self) -> Option<T> {
        // The resource only ever holds a `T`, so the downcast always succeeds.
        self.resource
            .get()
            .and_then(|loaded| loaded.downcast_ref::<T>().cloned())
    }
}
