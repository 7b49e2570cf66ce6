//! The way into the alliance: a country's expression of interest and the secretariat's decision,
//! invitations and password resets, a country's team (focal points per ministry) and profile.

pub mod application;
pub mod invitation;
pub mod profile;
