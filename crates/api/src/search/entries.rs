//! What the index holds of each thing it finds: published resources, experts and partner
//! organisations become one kind of entry, read from the database of record.

use uuid::Uuid;

use pioneer_domain::knowledge::Visibility;

use crate::entities::{organisation, resource};
use crate::markdown::plain_text;
use crate::store::StoreResult;
use crate::store::experts::{
    self as experts_store, ExpertRow, kind_of, organisation_expertise, profile_expertise,
};
use crate::store::resources::{
    batch_after, countries_of, find_many, status_of, strategies_of, tags_of, visibility_of,
};

/// What an entry is (resources, unless a search says otherwise).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Subject {
    #[default]
    Resource,
    Expert,
    Organisation,
}

impl Subject {
    pub const ALL: [Subject; 3] = [Subject::Resource, Subject::Expert, Subject::Organisation];

    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Resource => "resource",
            Subject::Expert => "expert",
            Subject::Organisation => "organisation",
        }
    }
}

/// One thing to find, as the index takes it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: Uuid,
    pub subject: Subject,
    /// The language its text is written in; `None`: searched in every language (a profile's
    /// words are in whatever its author writes).
    pub language: Option<String>,
    pub title: String,
    pub text: String,
    /// A resource's kind; an organisation's (or an expert's organisation's) kind.
    pub kind: Option<String>,
    pub strategies: Vec<String>,
    pub countries: Vec<String>,
    pub languages: Vec<String>,
    pub regions: Vec<String>,
    /// An expert's organisation in the directory.
    pub organisation: Option<Uuid>,
    /// `public`, `members`, or `group:<id>`.
    pub audience: String,
    /// The order of a search without words, highest first.
    pub rank: i64,
}

fn audience(visibility: Visibility, group: Option<Uuid>) -> String {
    match (visibility, group) {
        (Visibility::Group, Some(group)) => format!("group:{group}"),
        (Visibility::Group, None) => "group:none".into(),
        (other, _) => other.as_str().to_owned(),
    }
}

/// Names in alphabetical order when ranked highest first: the first seven bytes of the name in
/// lower case, negated.
fn alphabetical(name: &str) -> i64 {
    let mut bytes = [0u8; 8];
    for (slot, byte) in bytes[1..].iter_mut().zip(name.to_lowercase().bytes()) {
        *slot = byte;
    }
    -i64::from_be_bytes(bytes)
}

/// A resource's entry: only a published one is found (not its revisions in moderation).
fn resource_entry(row: &resource::Model) -> StoreResult<Option<Entry>> {
    if row.revision_of.is_some() || status_of(row)?.as_str() != "published" {
        return Ok(None);
    }
    let tags = tags_of(row)?.join(" ");
    Ok(Some(Entry {
        id: row.id,
        subject: Subject::Resource,
        language: Some(row.language.clone()),
        title: row.title.clone(),
        text: format!("{}\n{}\n{tags}", row.summary, plain_text(&row.body)),
        kind: Some(row.kind.clone()),
        strategies: strategies_of(row)?,
        countries: countries_of(row)?,
        languages: vec![row.language.clone()],
        regions: Vec::new(),
        organisation: None,
        audience: audience(visibility_of(row)?, row.group_id),
        rank: row.published_at.map_or(0, |at| at.timestamp_millis()),
    }))
}

fn organisation_entry(row: &organisation::Model) -> StoreResult<Entry> {
    let expertise = organisation_expertise(row)?;
    Ok(Entry {
        id: row.id,
        subject: Subject::Organisation,
        language: None,
        title: row.name.clone(),
        text: format!("{}\n{}", row.description, expertise.tags.join(" ")),
        kind: Some(kind_of(row)?.as_str().to_owned()),
        strategies: expertise.strategies,
        countries: expertise.countries,
        languages: expertise.languages,
        regions: expertise.regions,
        organisation: Some(row.id),
        audience: Visibility::Members.as_str().to_owned(),
        rank: alphabetical(&row.name),
    })
}

/// Experts' entries, with the name and kind of the organisation they work for.
async fn expert_entries(
    db: &impl sea_orm::ConnectionTrait,
    rows: Vec<ExpertRow>,
) -> StoreResult<Vec<Entry>> {
    let organisations = experts_store::organisations(
        db,
        rows.iter().filter_map(|row| row.profile.organisation_id),
    )
    .await?;
    rows.into_iter()
        .map(|row| {
            let expertise = profile_expertise(&row.profile)?;
            let linked = row
                .profile
                .organisation_id
                .and_then(|id| organisations.get(&id));
            let organisation_name = linked
                .map(|org| org.name.clone())
                .or_else(|| row.profile.organisation_name.clone())
                .unwrap_or_default();
            Ok(Entry {
                id: row.profile.user_id,
                subject: Subject::Expert,
                language: None,
                title: row.name.clone(),
                text: format!(
                    "{}\n{organisation_name}\n{}",
                    row.profile.bio,
                    expertise.tags.join(" ")
                ),
                kind: linked
                    .map(kind_of)
                    .transpose()?
                    .map(|k| k.as_str().to_owned()),
                strategies: expertise.strategies,
                countries: expertise.countries,
                languages: expertise.languages,
                regions: expertise.regions,
                organisation: linked.map(|org| org.id),
                audience: Visibility::Members.as_str().to_owned(),
                rank: alphabetical(&row.name),
            })
        })
        .collect()
}

/// The entries of `ids`, whatever they name; an id that names nothing to find (an unpublished
/// resource, a deleted profile) has none.
pub async fn entries_for(
    db: &impl sea_orm::ConnectionTrait,
    ids: &[Uuid],
) -> StoreResult<Vec<Entry>> {
    let mut entries = Vec::new();
    for row in find_many(db, ids).await? {
        entries.extend(resource_entry(&row)?);
    }
    entries.extend(expert_entries(db, experts_store::experts(db, ids).await?).await?);
    for row in experts_store::organisations(db, ids.iter().copied())
        .await?
        .values()
    {
        entries.push(organisation_entry(row)?);
    }
    Ok(entries)
}

/// The entries of `subject` after the id `after`, reading `limit` rows; with the last id read
/// (`None`: there were no more).
pub async fn entries_after(
    db: &impl sea_orm::ConnectionTrait,
    subject: Subject,
    after: Option<Uuid>,
    limit: u64,
) -> StoreResult<(Vec<Entry>, Option<Uuid>)> {
    match subject {
        Subject::Resource => {
            let rows = batch_after(db, after, limit).await?;
            let last = rows.last().map(|row| row.id);
            let mut entries = Vec::with_capacity(rows.len());
            for row in &rows {
                entries.extend(resource_entry(row)?);
            }
            Ok((entries, last))
        }
        Subject::Expert => {
            let rows = experts_store::experts_after(db, after, limit).await?;
            let last = rows.last().map(|row| row.profile.user_id);
            Ok((expert_entries(db, rows).await?, last))
        }
        Subject::Organisation => {
            let rows = experts_store::organisations_after(db, after, limit).await?;
            let last = rows.last().map(|row| row.id);
            let entries = rows
                .iter()
                .map(organisation_entry)
                .collect::<StoreResult<_>>()?;
            Ok((entries, last))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::alphabetical;

    #[test]
    fn names_rank_in_alphabetical_order_highest_first() {
        let mut names = ["Zoé", "amina", "Bruno", "Amadou"];
        names.sort_by_key(|name| std::cmp::Reverse(alphabetical(name)));
        assert_eq!(names, ["Amadou", "amina", "Bruno", "Zoé"]);
    }
}
