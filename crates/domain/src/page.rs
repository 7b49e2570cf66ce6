//! Paged lists: `?page=1&per_page=20` (at most 100) → `{items, total, page, per_page}`.

use serde::{Deserialize, Serialize};

use crate::FieldError;

pub const DEFAULT_PER_PAGE: u64 = 20;
pub const MAX_PER_PAGE: u64 = 100;
/// Far past any real list, and small enough that the offset always fits the databases' signed
/// 64-bit integers (a larger page once crashed the SQLite driver).
pub const MAX_PAGE: u64 = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

impl<T> Page<T> {
    /// One page of a longer list of `total` items.
    pub fn new(items: Vec<T>, total: u64, paging: Paging) -> Self {
        Self {
            items,
            total,
            page: paging.page,
            per_page: paging.per_page,
        }
    }

    /// A whole list, not paged, in the list envelope.
    pub fn whole(items: Vec<T>) -> Self {
        let total = items.len() as u64;
        Self {
            items,
            total,
            page: 1,
            per_page: total.max(1),
        }
    }
}

/// Paging as asked for in the query string, before checking.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PageQuery {
    /// 1-based page number (default 1, at most 1000000).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 1_000_000))]
    pub page: Option<u64>,
    /// Items per page (default 20, at most 100).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u64>,
}

/// Checked paging.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub page: u64,
    pub per_page: u64,
}

impl Paging {
    pub fn offset(self) -> u64 {
        (self.page - 1) * self.per_page
    }
}

impl PageQuery {
    pub fn parse(self) -> Result<Paging, Vec<FieldError>> {
        let mut errors = Vec::new();
        let page = self.page.unwrap_or(1);
        if page == 0 {
            errors.push(FieldError::new("page", "out_of_range", "page starts at 1"));
        } else if page > MAX_PAGE {
            errors.push(FieldError::new(
                "page",
                "out_of_range",
                format!("page is at most {MAX_PAGE}"),
            ));
        }
        let per_page = self.per_page.unwrap_or(DEFAULT_PER_PAGE);
        if per_page == 0 || per_page > MAX_PER_PAGE {
            errors.push(FieldError::new(
                "per_page",
                "out_of_range",
                format!("per_page must be between 1 and {MAX_PER_PAGE}"),
            ));
        }
        if errors.is_empty() {
            Ok(Paging { page, per_page })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_defaults_to_first_page_of_twenty() {
        let paging = PageQuery::default().parse().expect("defaults are valid");
        assert_eq!(
            paging,
            Paging {
                page: 1,
                per_page: 20
            }
        );
        assert_eq!(paging.offset(), 0);
    }

    #[test]
    fn paging_rejects_page_zero_and_oversized_pages() {
        let errors = PageQuery {
            page: Some(0),
            per_page: Some(101),
        }
        .parse()
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["page", "per_page"]);
    }

    #[test]
    fn a_page_past_the_limit_is_refused_so_the_offset_cannot_overflow() {
        let errors = PageQuery {
            page: Some(u64::MAX),
            per_page: Some(MAX_PER_PAGE),
        }
        .parse()
        .unwrap_err();
        assert_eq!(errors[0].field, "page");
        let last = PageQuery {
            page: Some(MAX_PAGE),
            per_page: Some(MAX_PER_PAGE),
        }
        .parse()
        .expect("the last page is valid");
        assert!(i64::try_from(last.offset()).is_ok());
    }

    #[test]
    fn offset_skips_the_previous_pages() {
        let paging = PageQuery {
            page: Some(3),
            per_page: Some(10),
        }
        .parse()
        .expect("valid");
        assert_eq!(paging.offset(), 20);
    }
}
