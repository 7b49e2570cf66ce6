use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;

use super::*;
use crate::review::{check_editable, check_revisable, next};

fn strategies() -> BTreeSet<String> {
    ["parenting", "education", "safe_environments"]
        .into_iter()
        .map(String::from)
        .collect()
}

fn resource() -> NewResource {
    NewResource {
        kind: ResourceKind::GoodPractice,
        title: "  Parenting for Lifelong Health in Kenya ".into(),
        summary: "A group programme for parents of adolescents.".into(),
        body: "## What it is\n\nTwelve sessions…\n\n".into(),
        language: "en".into(),
        strategies: vec!["parenting".into(), "parenting".into(), "education".into()],
        countries: vec!["ken".into(), "UGA".into(), "KEN".into()],
        tags: vec!["Fathers".into(), "adolescents".into(), "fathers".into()],
        links: vec!["https://www.who.int/teams/parenting".into()],
        visibility: Visibility::Members,
        group_id: None,
    }
}

fn fields(errors: &[FieldError]) -> Vec<(&str, &str)> {
    errors
        .iter()
        .map(|e| (e.field.as_str(), e.code.as_str()))
        .collect()
}

#[test]
fn a_resource_is_trimmed_sorted_and_without_repeats() {
    let valid = resource().validate(&strategies()).expect("valid");
    assert_eq!(valid.title, "Parenting for Lifelong Health in Kenya");
    assert_eq!(valid.body, "## What it is\n\nTwelve sessions…");
    assert_eq!(valid.language, "en");
    assert_eq!(valid.strategies, ["education", "parenting"]);
    assert_eq!(valid.countries, ["KEN", "UGA"]);
    assert_eq!(valid.tags, ["adolescents", "fathers"]);
    assert_eq!(valid.links, ["https://www.who.int/teams/parenting"]);
}

#[test]
fn every_bad_field_is_named() {
    let bad = NewResource {
        title: String::new(),
        summary: "s".repeat(MAX_SUMMARY_CHARS + 1),
        language: "de".into(),
        strategies: vec!["astrology".into()],
        countries: vec!["Kenya".into()],
        tags: vec!["two\nlines".into()],
        links: vec![
            "javascript:alert(1)".into(),
            "ftp://files.example".into(),
            "https://".into(),
            "https://ok.example/a b".into(),
        ],
        visibility: Visibility::Group,
        group_id: None,
        ..resource()
    };
    let errors = bad.validate(&strategies()).expect_err("refused");
    assert_eq!(
        fields(&errors),
        [
            ("title", "required"),
            ("summary", "too_long"),
            ("language", "unknown_language"),
            ("strategies[0]", "unknown_strategy"),
            ("countries[0]", "invalid_format"),
            ("tags[0]", "invalid_characters"),
            ("links[0]", "invalid_url"),
            ("links[1]", "invalid_url"),
            ("links[2]", "invalid_url"),
            ("links[3]", "invalid_url"),
            ("group_id", "required"),
        ]
    );
    let for_everyone = NewResource {
        group_id: Some(Uuid::from_u128(1)),
        ..resource()
    };
    let errors = for_everyone.validate(&strategies()).expect_err("refused");
    assert_eq!(fields(&errors), [("group_id", "not_allowed")]);
}

#[test]
fn kinds_statuses_and_tiers_read_back_from_their_names() {
    for kind in ResourceKind::ALL {
        assert_eq!(ResourceKind::parse(kind.as_str()), Some(kind));
        let json = serde_json::to_string(&kind).expect("json");
        assert_eq!(json, format!("\"{}\"", kind.as_str()));
    }
    let research: ResourceKind = serde_json::from_str("\"research\"").expect("alias");
    assert_eq!(research, ResourceKind::Evidence);
    for status in ResourceStatus::ALL {
        assert_eq!(ResourceStatus::parse(status.as_str()), Some(status));
    }
    for visibility in Visibility::ALL {
        assert_eq!(Visibility::parse(visibility.as_str()), Some(visibility));
    }
}

#[test]
fn moderation_publishes_returns_and_archives() {
    use ResourceStatus::*;
    let step = |from, transition| next::<ModeratedResource>(from, transition);
    assert_eq!(step(Pending, Transition::Approve), Ok(Published));
    assert_eq!(step(Pending, Transition::RequestChanges), Ok(Returned));
    assert_eq!(step(Returned, Transition::Submit), Ok(Pending));
    for from in [Pending, Published, Returned] {
        assert_eq!(step(from, Transition::Archive), Ok(Archived));
    }
    assert_eq!(
        step(Archived, Transition::Archive).map_err(|e| e.code),
        Err(ErrorCode::AlreadyArchived)
    );
    assert_eq!(
        step(Published, Transition::Approve).map_err(|e| e.code),
        Err(ErrorCode::ReviewRequiresSubmitted)
    );
    assert!(step(Pending, Transition::Accept).is_err());
    assert!(check_editable::<ModeratedResource>(Returned).is_ok());
    assert!(check_editable::<ModeratedResource>(Pending).is_ok());
    assert_eq!(
        check_editable::<ModeratedResource>(Published).map_err(|e| e.code),
        Err(ErrorCode::ResourceNotEditable)
    );
    assert!(check_revisable::<ModeratedResource>(Published).is_ok());
    assert!(check_revisable::<ModeratedResource>(Archived).is_err());
}

const AUTHOR: Uuid = Uuid::from_u128(1);
const GROUP: Uuid = Uuid::from_u128(100);
const OTHER_GROUP: Uuid = Uuid::from_u128(200);

fn reader(id: u128, role: Role, groups: &[(Uuid, GroupRole)]) -> Reader {
    Reader {
        user_id: Uuid::from_u128(id),
        role,
        groups: groups.iter().copied().collect::<BTreeMap<_, _>>(),
    }
}

/// Every tier, every status, every kind of reader: who reads what.
#[test]
fn who_reads_what_on_every_tier_and_status() {
    let author = reader(1, Role::CountryFocalPoint, &[]);
    let member = reader(2, Role::Partner, &[]);
    let in_group = reader(3, Role::CountryContributor, &[(GROUP, GroupRole::Member)]);
    let moderator = reader(4, Role::Partner, &[(GROUP, GroupRole::Moderator)]);
    let other_moderator = reader(5, Role::Partner, &[(OTHER_GROUP, GroupRole::Moderator)]);
    let secretariat = reader(6, Role::Secretariat, &[]);
    let readers: [(&str, Option<&Reader>); 7] = [
        ("anonymous", None),
        ("author", Some(&author)),
        ("member", Some(&member)),
        ("in_group", Some(&in_group)),
        ("moderator", Some(&moderator)),
        ("other_moderator", Some(&other_moderator)),
        ("secretariat", Some(&secretariat)),
    ];
    // Who may read, per (visibility, status): the readers' names.
    let expected = |visibility: Visibility, status: ResourceStatus| -> Vec<&str> {
        use ResourceStatus::*;
        match (visibility, status) {
            (Visibility::Public, Published) => readers.iter().map(|r| r.0).collect(),
            (Visibility::Members, Published) => readers
                .iter()
                .map(|r| r.0)
                .filter(|n| *n != "anonymous")
                .collect(),
            // The author too only as long as they are in the group.
            (Visibility::Group, Published) => vec!["in_group", "moderator", "secretariat"],
            // Not published: the author and the moderators of its scope only.
            (Visibility::Group, _) => vec!["author", "moderator", "secretariat"],
            (_, _) => vec!["author", "secretariat"],
        }
    };
    for visibility in Visibility::ALL {
        for status in ResourceStatus::ALL {
            let facts = ResourceFacts {
                author_id: AUTHOR,
                visibility,
                group_id: (visibility == Visibility::Group).then_some(GROUP),
                status,
            };
            let mut who: Vec<&str> = readers
                .iter()
                .filter(|(_, r)| may_read(*r, &facts))
                .map(|(name, _)| *name)
                .collect();
            let mut want = expected(visibility, status);
            who.sort_unstable();
            want.sort_unstable();
            assert_eq!(who, want, "{visibility:?} {status:?}");
        }
    }
}

#[test]
fn moderators_of_a_group_moderate_only_its_resources() {
    let moderator = reader(4, Role::Partner, &[(GROUP, GroupRole::Moderator)]);
    let member = reader(3, Role::Partner, &[(GROUP, GroupRole::Member)]);
    let secretariat = reader(6, Role::Secretariat, &[]);
    assert!(may_moderate(&moderator, Some(GROUP)));
    assert!(!may_moderate(&moderator, Some(OTHER_GROUP)));
    assert!(!may_moderate(&moderator, None));
    assert!(!may_moderate(&member, Some(GROUP)));
    assert!(may_moderate(&secretariat, None));
    assert!(may_moderate(&secretariat, Some(OTHER_GROUP)));
}

#[test]
fn members_share_with_everyone_and_with_their_own_groups_only() {
    let member = reader(3, Role::Partner, &[(GROUP, GroupRole::Member)]);
    assert!(may_submit(&member, Visibility::Public, None));
    assert!(may_submit(&member, Visibility::Members, None));
    assert!(may_submit(&member, Visibility::Group, Some(GROUP)));
    assert!(!may_submit(&member, Visibility::Group, Some(OTHER_GROUP)));
    assert!(!may_submit(&member, Visibility::Group, None));
    let secretariat = reader(6, Role::Secretariat, &[]);
    assert!(may_submit(
        &secretariat,
        Visibility::Group,
        Some(OTHER_GROUP)
    ));
}

#[test]
fn only_the_author_edits_and_not_once_archived() {
    let author = reader(1, Role::Partner, &[]);
    let other = reader(2, Role::Secretariat, &[]);
    for status in ResourceStatus::ALL {
        let facts = ResourceFacts {
            author_id: AUTHOR,
            visibility: Visibility::Members,
            group_id: None,
            status,
        };
        assert_eq!(
            may_edit(&author, &facts),
            status != ResourceStatus::Archived,
            "{status}"
        );
        assert!(!may_edit(&other, &facts), "{status}");
    }
}
