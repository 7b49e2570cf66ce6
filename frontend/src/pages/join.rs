//! `/join` (public): a country's expression of interest. The government entity, its signatory,
//! the commitment statement (pre-filled with the annex's text in the language chosen), the
//! nominated focal point and the signed letter (a PDF of at most 5 MB), sent as
//! `multipart/form-data`. The secretariat decides; the focal point gets an acknowledgment now.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::FieldError;
use pioneer_domain::membership::application::{
    ApplicationForm, MAX_LETTER_BYTES, NominatedFocalPoint,
};
use pioneer_domain::reference::Country;
use uuid::Uuid;

use crate::api::{self, ApiError, use_api};
use crate::i18n::{I18n, Key, Lang, use_i18n};
use crate::loader::Loader;
use crate::pages::form::{Errors, described_by, field_message, has_error, is_invalid, minutes};
use crate::pages::roadmap::load_countries;
use crate::pages::{ErrorAlert, dynamic, focus_id, sort_key};

/// The fields of the form, in the page's order: the server's name and the control's id.
const FIELDS: [(&str, &str); 12] = [
    ("country_code", "join-country"),
    ("entity", "join-entity"),
    ("signatory_name", "join-signatory-name"),
    ("signatory_title", "join-signatory-title"),
    ("language", "join-language"),
    ("commitment", "join-commitment"),
    ("focal_point.name", "join-fp-name"),
    ("focal_point.title", "join-fp-title"),
    ("focal_point.ministry", "join-fp-ministry"),
    ("focal_point.email", "join-fp-email"),
    ("letter", "join-letter"),
    ("application", "join-country"),
];

/// Moves the focus to the first control with an error.
fn focus_first_error(errors: &[FieldError]) {
    if let Some((_, id)) = FIELDS.iter().find(|(field, _)| has_error(errors, field)) {
        focus_id(id);
    }
}

/// What is wrong with the chosen letter, before anything is sent: none, too large, or not a
/// PDF by its type and name (the server reads its bytes).
pub fn letter_problem(name: &str, kind: &str, size: f64) -> Option<FieldError> {
    if size > MAX_LETTER_BYTES as f64 {
        return Some(FieldError::new("letter", "too_large", "at most 5 MB"));
    }
    if size <= 0.0 {
        return Some(FieldError::new("letter", "required", "the letter is empty"));
    }
    let pdf = kind == "application/pdf" || name.to_ascii_lowercase().ends_with(".pdf");
    (!pdf).then(|| FieldError::new("letter", "not_pdf", "not a PDF"))
}

/// Who adheres, as the annex names them: "Country – entity", or the annex's blank.
fn party(i18n: I18n, lang: Lang, country: Option<&Country>, entity: &str) -> String {
    let country = country.map(|c| c.name_in(lang.code()).to_owned());
    match (country, entity.trim()) {
        (Some(country), "") => country,
        (Some(country), entity) => format!("{country} – {entity}"),
        (None, "") => i18n.fmt_in(lang, Key::JoinCommitmentParty, &[]),
        (None, entity) => entity.to_owned(),
    }
}

/// Why the last attempt failed, apart from the fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    Fields,
    RateLimited(u64),
    Other(Option<u16>),
    Unreachable,
}

/// The server's answer to a refused application, as field errors and a failure.
fn refused(error: &ApiError) -> (Vec<FieldError>, Failure) {
    let mut details = error.field_errors();
    let failure = match error {
        ApiError::Status {
            status: 429,
            retry_after,
            ..
        } => {
            return (
                Vec::new(),
                Failure::RateLimited(retry_after.unwrap_or(3600)),
            );
        }
        ApiError::Status { status: 413, .. } => {
            if !has_error(&details, "letter") {
                details.push(FieldError::new("letter", "too_large", "too large"));
            }
            Failure::Fields
        }
        ApiError::Status { status: 415, .. } => {
            if !has_error(&details, "letter") {
                details.push(FieldError::new("letter", "not_pdf", "not a PDF"));
            }
            Failure::Fields
        }
        ApiError::Network(_) => Failure::Unreachable,
        ApiError::Status { status, .. } if details.is_empty() => Failure::Other(Some(*status)),
        ApiError::Status { .. } => Failure::Fields,
        ApiError::SessionEnded => Failure::Other(None),
    };
    (details, failure)
}

/// A one-line text field of the form.
#[component]
fn Line(
    id: &'static str,
    field: &'static str,
    label: Key,
    value: RwSignal<String>,
    errors: Errors,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{i18n.tx(label)}</label>
            <input
                id=id
                name=field
                type=kind
                autocomplete=autocomplete
                required
                bind:value=value
                aria-invalid=is_invalid(errors, field)
                aria-describedby=described_by(errors, field, error_id.clone())
            />
            {field_message(i18n, errors, field, error_id)}
        </div>
    }
}

#[component]
pub fn JoinPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let countries = Loader::new(move || load_countries(api));

    let country = RwSignal::new(String::new());
    let entity = RwSignal::new(String::new());
    let signatory_name = RwSignal::new(String::new());
    let signatory_title = RwSignal::new(String::new());
    let language = RwSignal::new(i18n.lang().code().to_owned());
    // `None` until the applicant edits the statement: it follows the language and the names.
    let commitment = RwSignal::new(None::<String>);
    let fp_name = RwSignal::new(String::new());
    let fp_title = RwSignal::new(String::new());
    let fp_ministry = RwSignal::new(String::new());
    let fp_email = RwSignal::new(String::new());
    let website = RwSignal::new(String::new());
    let letter = NodeRef::<leptos::html::Input>::new();
    let letter_name = RwSignal::new(None::<String>);

    let errors: Errors = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<Failure>);
    let pending = RwSignal::new(false);
    let done = RwSignal::new(None::<(Uuid, String)>);

    let form_lang = move || Lang::from_tag(&language.get()).unwrap_or(Lang::EN);
    let annex = move || {
        let lang = form_lang();
        let code = country.get();
        let list = countries.get().unwrap_or_default();
        let chosen = list.iter().find(|c| c.code == code);
        let party = party(i18n, lang, chosen, &entity.get());
        i18n.fmt_in(lang, Key::JoinCommitmentText, &[("party", &party)])
    };
    let commitment_text = move || commitment.get().unwrap_or_else(annex);

    let chosen_file = move || {
        letter
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
    };
    let check_letter = move || -> Option<FieldError> {
        match chosen_file() {
            None => Some(FieldError::new("letter", "required", "required")),
            Some(file) => letter_problem(&file.name(), &file.type_(), file.size()),
        }
    };
    let on_letter = move |_| {
        letter_name.set(chosen_file().map(|f| f.name()));
        errors.update(|errs| {
            errs.retain(|e| e.field != "letter");
            if let Some(problem) =
                chosen_file().and_then(|f| letter_problem(&f.name(), &f.type_(), f.size()))
            {
                errs.push(problem);
            }
        });
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let honeypot = website.get_untracked();
        let form = ApplicationForm {
            country_code: country.get_untracked(),
            entity: entity.get_untracked(),
            signatory_name: signatory_name.get_untracked(),
            signatory_title: signatory_title.get_untracked(),
            commitment: commitment_text(),
            language: language.get_untracked(),
            focal_point: NominatedFocalPoint {
                name: fp_name.get_untracked(),
                title: fp_title.get_untracked(),
                ministry: fp_ministry.get_untracked(),
                email: fp_email.get_untracked().trim().to_owned(),
            },
            website: (!honeypot.is_empty()).then_some(honeypot),
        };
        let mut problems = form.validate().err().unwrap_or_default();
        if form.country_code.trim().is_empty() {
            problems.retain(|e| e.field != "country_code");
            problems.insert(0, FieldError::new("country_code", "required", "required"));
        }
        problems.extend(check_letter());
        let file = chosen_file();
        let (Some(file), true) = (file, problems.is_empty()) else {
            focus_first_error(&problems);
            errors.set(problems);
            failure.set(Some(Failure::Fields));
            return;
        };
        errors.set(Vec::new());
        failure.set(None);
        pending.set(true);
        let email = form.focal_point.email.clone();
        spawn_local(async move {
            match api::membership::applications::submit(&form, &file).await {
                Ok(receipt) => {
                    done.set(Some((receipt.id, email)));
                    focus_id("join-done");
                    if let Some(window) = web_sys::window() {
                        window.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                }
                Err(error) => {
                    let (details, why) = refused(&error);
                    focus_first_error(&details);
                    errors.set(details);
                    failure.set(Some(why));
                }
            }
            pending.set(false);
        });
    };

    let failure_text = move || {
        failure.get().map(|f| match f {
            Failure::Fields => i18n.t(Key::FormHasErrors).to_owned(),
            Failure::RateLimited(seconds) => i18n.fmt(
                Key::JoinRateLimited,
                &[("minutes", &minutes(seconds).to_string())],
            ),
            Failure::Unreachable => i18n.t(Key::NetworkError).to_owned(),
            Failure::Other(Some(403)) => i18n.t(Key::Forbidden).to_owned(),
            Failure::Other(_) => i18n.t(Key::GenericError).to_owned(),
        })
    };

    let country_options = move || {
        let mut list: Vec<(String, String)> = countries
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|c| (i18n.name(&c).to_owned(), c.code))
            .collect();
        list.sort_by_cached_key(|(name, _)| sort_key(name));
        list.into_iter()
            .map(|(name, code)| {
                let selected = {
                    let code = code.clone();
                    move || country.with(|c| *c == code)
                };
                view! { <option value=code prop:selected=selected>{name}</option> }
            })
            .collect_view()
    };

    let confirmation = move || {
        done.get().map(|(id, email)| {
            view! {
                <section class="panel panel-check" id="join-done" tabindex="-1" data-testid="join-done">
                    <h2>{i18n.tx(Key::JoinDoneTitle)}</h2>
                    <p>
                        {i18n.tx(Key::JoinDoneReference)} " "
                        <strong><code data-testid="application-id">{id.to_string()}</code></strong>
                    </p>
                    <p>{move || i18n.fmt(Key::JoinDoneMailed, &[("email", &email)])}</p>
                    <p class="muted">{i18n.tx(Key::JoinDoneNext)}</p>
                </section>
            }
        })
    };

    let form = move || {
        view! {
            <form class="join-form" on:submit=submit novalidate data-testid="join-form">
                {dynamic(move || failure_text().map(|m| view! { <ErrorAlert message=m /> }))}
                <fieldset class="form-section">
                    <legend>{i18n.tx(Key::JoinCountrySection)}</legend>
                    <div class="form-grid">
                        <div class="field">
                            <label for="join-country">{i18n.tx(Key::Country)}</label>
                            <select
                                id="join-country"
                                name="country_code"
                                required
                                on:change=move |ev| country.set(event_target_value(&ev))
                                aria-invalid=is_invalid(errors, "country_code")
                                aria-describedby=described_by(errors, "country_code", "join-country-error")
                            >
                                <option value="" prop:selected=move || country.with(String::is_empty)>
                                    {i18n.tx(Key::ChooseCountry)}
                                </option>
                                {dynamic(country_options)}
                            </select>
                            {field_message(i18n, errors, "country_code", "join-country-error")}
                        </div>
                        <Line id="join-entity" field="entity" label=Key::JoinEntity value=entity errors=errors />
                    </div>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{i18n.tx(Key::JoinSignatorySection)}</legend>
                    <div class="form-grid">
                        <Line id="join-signatory-name" field="signatory_name" label=Key::JoinSignatoryName value=signatory_name errors=errors autocomplete="off" />
                        <Line id="join-signatory-title" field="signatory_title" label=Key::JoinSignatoryTitle value=signatory_title errors=errors autocomplete="off" />
                    </div>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{i18n.tx(Key::JoinCommitmentSection)}</legend>
                    <div class="form-grid">
                        <div class="field">
                            <label for="join-language">{i18n.tx(Key::JoinLanguage)}</label>
                            <select
                                id="join-language"
                                name="language"
                                aria-describedby="join-language-hint"
                                on:change=move |ev| language.set(event_target_value(&ev))
                            >
                                {Lang::all()
                                    .map(|lang| {
                                        view! {
                                            <option
                                                value=lang.code()
                                                lang=lang.code()
                                                prop:selected=move || language.with(|l| l == lang.code())
                                            >
                                                {lang.native_name()}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                            <p class="hint" id="join-language-hint">{i18n.tx(Key::JoinLanguageHint)}</p>
                        </div>
                        <div class="field field-wide">
                            <label for="join-commitment">{i18n.tx(Key::JoinCommitment)}</label>
                            <textarea
                                id="join-commitment"
                                name="commitment"
                                rows="14"
                                required
                                lang=move || form_lang().code()
                                prop:value=commitment_text
                                on:input=move |ev| commitment.set(Some(event_target_value(&ev)))
                                aria-invalid=is_invalid(errors, "commitment")
                                aria-describedby="join-commitment-hint"
                            ></textarea>
                            <p class="hint" id="join-commitment-hint">{i18n.tx(Key::JoinCommitmentHint)}</p>
                            {field_message(i18n, errors, "commitment", "join-commitment-error")}
                            <Show when=move || commitment.with(Option::is_some)>
                                <p>
                                    <button type="button" class="link-button" on:click=move |_| commitment.set(None)>
                                        {i18n.tx(Key::JoinCommitmentRestore)}
                                    </button>
                                </p>
                            </Show>
                        </div>
                    </div>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{i18n.tx(Key::JoinFocalPointSection)}</legend>
                    <p class="hint">{i18n.tx(Key::JoinFocalPointHint)}</p>
                    <div class="form-grid">
                        <Line id="join-fp-name" field="focal_point.name" label=Key::Name value=fp_name errors=errors autocomplete="off" />
                        <Line id="join-fp-title" field="focal_point.title" label=Key::JoinTitle value=fp_title errors=errors autocomplete="off" />
                        <Line id="join-fp-ministry" field="focal_point.ministry" label=Key::JoinMinistry value=fp_ministry errors=errors autocomplete="off" />
                        <Line id="join-fp-email" field="focal_point.email" label=Key::Email value=fp_email errors=errors kind="email" autocomplete="off" />
                    </div>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{i18n.tx(Key::JoinLetterSection)}</legend>
                    <div class="field">
                        <label for="join-letter">{i18n.tx(Key::JoinLetter)}</label>
                        <input
                            id="join-letter"
                            name="letter"
                            type="file"
                            accept="application/pdf,.pdf"
                            required
                            node_ref=letter
                            on:change=on_letter
                            aria-invalid=is_invalid(errors, "letter")
                            aria-describedby="join-letter-hint"
                        />
                        <p class="hint" id="join-letter-hint">{i18n.tx(Key::JoinLetterHint)}</p>
                        {field_message(i18n, errors, "letter", "join-letter-error")}
                    </div>
                </fieldset>
                // A field for robots: people neither see it nor reach it with the keyboard.
                <div class="honeypot" aria-hidden="true">
                    <label for="join-website">"Website"</label>
                    <input
                        id="join-website"
                        name="website"
                        type="text"
                        tabindex="-1"
                        autocomplete="off"
                        bind:value=website
                    />
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled=move || pending.get() data-testid="join-submit">
                        {dynamic(move || i18n.t(if pending.get() { Key::JoinSending } else { Key::JoinSubmit }))}
                    </button>
                </div>
            </form>
        }
    };

    view! {
        <section class="page narrow-form" data-testid="join">
            <h1>{i18n.tx(Key::JoinTitlePage)}</h1>
            <Show when=move || done.with(Option::is_none) fallback=confirmation>
                <p class="lead">{i18n.tx(Key::JoinIntro)}</p>
                {form()}
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_is_a_pdf_of_at_most_five_megabytes() {
        assert_eq!(
            letter_problem("letter.pdf", "application/pdf", 1024.0),
            None
        );
        assert_eq!(letter_problem("LETTER.PDF", "", 1024.0), None);
        let big = (MAX_LETTER_BYTES + 1) as f64;
        assert_eq!(
            letter_problem("letter.pdf", "application/pdf", big).map(|e| e.code),
            Some("too_large".into())
        );
        assert_eq!(
            letter_problem("photo.png", "image/png", 1024.0).map(|e| e.code),
            Some("not_pdf".into())
        );
        assert_eq!(
            letter_problem("letter.pdf", "application/pdf", 0.0).map(|e| e.code),
            Some("required".into())
        );
    }

    #[test]
    fn the_annex_is_pre_filled_in_each_language_with_its_paragraphs() {
        let i18n = I18n::for_tests();
        for lang in Lang::all() {
            let text = i18n.fmt_in(
                lang,
                Key::JoinCommitmentText,
                &[("party", "Kenya – Ministry of Labour")],
            );
            assert!(
                text.contains("Kenya – Ministry of Labour"),
                "{}",
                lang.code()
            );
            assert!(text.contains("2030"), "{}", lang.code());
            assert_eq!(text.matches("\n\n").count(), 4, "{}", lang.code());
            assert!(
                party(i18n, lang, None, "").starts_with('['),
                "{}",
                lang.code()
            );
        }
        assert_eq!(party(i18n, Lang::EN, None, " Ministry "), "Ministry");
    }

    #[test]
    fn refusals_land_at_the_letter_or_the_fields() {
        let status = |status: u16, details: Vec<FieldError>| ApiError::Status {
            status,
            code: pioneer_domain::ErrorCode::Other,
            message: String::new(),
            details,
            retry_after: Some(120),
            current: None,
        };
        let (details, why) = refused(&status(415, Vec::new()));
        assert_eq!(why, Failure::Fields);
        assert_eq!(details[0].field, "letter");
        assert_eq!(details[0].code, "not_pdf");
        let (details, _) = refused(&status(413, Vec::new()));
        assert_eq!(details[0].code, "too_large");
        let (_, why) = refused(&status(429, Vec::new()));
        assert_eq!(why, Failure::RateLimited(120));
        let email = FieldError::new("focal_point.email", "invalid_format", "bad");
        let (details, why) = refused(&status(422, vec![email.clone()]));
        assert_eq!((details, why), (vec![email], Failure::Fields));
        assert_eq!(
            refused(&status(500, Vec::new())).1,
            Failure::Other(Some(500))
        );
    }
}
