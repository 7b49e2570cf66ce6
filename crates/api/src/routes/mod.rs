//! HTTP handlers, named `<verb>_<resource>`, one module per resource. The served routes and the
//! spec come from one list of handlers, so they cannot drift.

pub mod api_tokens;
pub mod auth;
pub mod country_teams;
pub mod discussions;
pub mod document_parts;
pub mod document_review;
pub mod document_write;
pub mod events;
pub mod experts;
pub mod export_files;
pub mod groups;
pub mod health;
pub mod invitations;
pub mod jobs;
pub mod membership_applications;
pub mod notifications;
pub mod reference;
pub mod reporting_cycles;
pub mod reports;
pub mod resources;
pub mod roadmap_exports;
pub mod roadmap_parts;
pub mod roadmap_reviews;
pub mod roadmaps;
pub mod two_factor;
pub mod uploads;
pub mod users;

use actix_web::{HttpRequest, HttpResponse, web};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiError;
use crate::method_table::MethodTable;

/// The handlers under `/api/v1`, in one list for both ways of registering them: through
/// utoipa's `ServiceConfig` (which also collects the spec, built once by `openapi::spec`) and
/// through actix's own (what each worker serves, without building the spec again).
macro_rules! api_v1_services {
    ($cfg:expr) => {
        $cfg.service(auth::login)
            .service(auth::refresh)
            .service(auth::logout)
            .service(auth::get_me)
            .service(two_factor::login_totp)
            .service(two_factor::get_totp)
            .service(two_factor::create_totp)
            .service(two_factor::confirm_totp)
            .service(two_factor::delete_totp)
            .service(api_tokens::list_api_tokens)
            .service(api_tokens::create_api_token)
            .service(api_tokens::delete_api_token)
            .service(users::list_users)
            .service(users::create_user)
            .service(users::get_user)
            .service(users::update_user)
            .service(reference::list_countries)
            .service(reference::get_country)
            .service(reference::list_strategies)
            .service(reference::list_indicators)
            .service(roadmaps::list_roadmaps)
            .service(roadmaps::create_roadmap)
            .service(roadmaps::get_roadmap)
            .service(roadmaps::update_roadmap)
            .service(roadmaps::submit_roadmap)
            .service(roadmaps::withdraw_roadmap)
            .service(roadmaps::revise_roadmap)
            .service(roadmaps::list_roadmap_versions)
            .service(roadmaps::list_roadmap_history)
            .service(roadmaps::get_roadmap_budget)
            .service(roadmaps::get_roadmap_changes_since_approved)
            .service(roadmaps::list_review_queue)
            .service(roadmap_parts::create_roadmap_priority)
            .service(roadmap_parts::update_roadmap_priority)
            .service(roadmap_parts::delete_roadmap_priority)
            .service(roadmap_parts::create_roadmap_action)
            .service(roadmap_parts::update_roadmap_action)
            .service(roadmap_parts::delete_roadmap_action)
            .service(roadmap_parts::create_roadmap_indicator)
            .service(roadmap_parts::update_roadmap_indicator)
            .service(roadmap_parts::delete_roadmap_indicator)
            .service(roadmap_reviews::create_roadmap_review)
            .service(roadmap_reviews::list_roadmap_comments)
            .service(roadmap_reviews::create_roadmap_comment)
            .service(roadmap_exports::export_roadmap_csv)
            .service(roadmap_exports::export_roadmap_xlsx)
            .service(reporting_cycles::list_reporting_cycles)
            .service(reporting_cycles::create_reporting_cycle)
            .service(reporting_cycles::get_reporting_cycle)
            .service(reporting_cycles::update_reporting_cycle)
            .service(reporting_cycles::get_reporting_cycle_tracker)
            .service(reporting_cycles::export_reporting_cycle_tracker_csv)
            .service(reporting_cycles::export_reporting_cycle_tracker_xlsx)
            .service(reporting_cycles::get_reporting_cycle_synthesis)
            .service(reporting_cycles::export_reporting_cycle_synthesis_csv)
            .service(reporting_cycles::export_reporting_cycle_synthesis_xlsx)
            .service(reporting_cycles::get_country_trend)
            .service(reports::list_reports)
            .service(reports::create_report)
            .service(reports::get_report)
            .service(reports::update_report)
            .service(reports::submit_report)
            .service(reports::withdraw_report)
            .service(reports::create_report_review)
            .service(reports::list_report_comments)
            .service(reports::create_report_comment)
            .service(reports::list_report_history)
            .service(reports::update_report_action)
            .service(reports::update_report_indicator)
            .service(reports::create_report_support_request)
            .service(reports::update_report_support_request)
            .service(reports::delete_report_support_request)
            .service(reporting_cycles::create_reporting_cycle_reminders)
            .service(membership_applications::create_membership_application)
            .service(membership_applications::list_membership_applications)
            .service(membership_applications::get_membership_application)
            .service(membership_applications::get_membership_application_letter)
            .service(membership_applications::list_membership_application_history)
            .service(membership_applications::decide_membership_application)
            .service(invitations::create_invitation)
            .service(invitations::delete_invitation)
            .service(invitations::get_invitation)
            .service(invitations::accept_invitation)
            .service(invitations::create_password_reset)
            .service(invitations::complete_password_reset)
            .service(country_teams::get_country_profile)
            .service(country_teams::get_country_team)
            .service(country_teams::hand_over_focal_point)
            .service(country_teams::remove_team_member)
            .service(groups::list_groups)
            .service(groups::create_group)
            .service(groups::get_group)
            .service(groups::list_group_members)
            .service(groups::put_group_member)
            .service(groups::remove_group_member)
            .service(groups::create_group_join_request)
            .service(groups::list_group_join_requests)
            .service(groups::decide_group_join_request)
            .service(resources::list_resources)
            .service(resources::create_resource)
            .service(resources::get_resource)
            .service(resources::update_resource)
            .service(resources::submit_resource)
            .service(resources::publish_resource)
            .service(resources::return_resource)
            .service(resources::archive_resource)
            .service(resources::list_resource_history)
            .service(resources::list_resource_comments)
            .service(resources::create_resource_comment)
            .service(resources::update_resource_comment)
            .service(resources::delete_resource_comment)
            .service(resources::create_resource_file)
            .service(resources::get_resource_file)
            .service(resources::delete_resource_file)
            .service(resources::search)
            .service(resources::moderation_queue)
            .service(resources::markdown_preview)
            .service(discussions::list_discussions)
            .service(discussions::create_discussion)
            .service(discussions::get_discussion)
            .service(discussions::list_discussion_posts)
            .service(discussions::create_discussion_post)
            .service(discussions::update_discussion_post)
            .service(discussions::accept_discussion_answer)
            .service(discussions::subscribe_discussion)
            .service(discussions::unsubscribe_discussion)
            .service(events::list_events)
            .service(events::create_event)
            // Before `/events/{id}`, which would take `….ics` and fail to read a uuid.
            .service(events::get_event_ics)
            .service(events::get_event)
            .service(events::update_event)
            .service(events::create_event_registration)
            .service(events::list_event_registrations)
            .service(events::cancel_event_registration)
            .service(events::get_my_calendar)
            .service(experts::list_experts)
            .service(experts::get_expert)
            .service(experts::get_my_expert_profile)
            .service(experts::put_my_expert_profile)
            .service(experts::delete_my_expert_profile)
            .service(experts::list_organisations)
            .service(experts::create_organisation)
            .service(experts::get_organisation)
            .service(experts::update_organisation)
            .service(experts::list_contact_requests)
            .service(experts::create_contact_request)
            .service(experts::get_contact_request)
            .service(experts::decide_contact_request)
            .service(notifications::list_notifications)
            .service(notifications::unread_notifications)
            .service(notifications::read_notification)
            .service(notifications::read_all_notifications)
            .service(notifications::get_notification_settings)
            .service(notifications::put_notification_settings)
            .service(jobs::list_jobs)
            .service(jobs::retry_job)
            // Last, so that it only gets what no handler above took.
            .route("/{tail:.*}", web::route().to(unrouted))
    };
}

/// Probes at the root, outside the versioned API (same two registrations as above).
macro_rules! probe_services {
    ($cfg:expr) => {
        $cfg.service(health::health)
            .service(health::ready)
            .route("/health", web::route().to(unrouted))
            .route("/ready", web::route().to(unrouted))
    };
}

/// Everything under `/api/v1`, with its spec.
pub fn api_v1(cfg: &mut ServiceConfig) {
    api_v1_services!(cfg);
}

/// Everything under `/api/v1`, as served.
pub fn api_v1_routes(cfg: &mut web::ServiceConfig) {
    api_v1_services!(cfg);
}

/// The probes, with their spec.
pub fn probes(cfg: &mut ServiceConfig) {
    probe_services!(cfg);
}

/// The probes, as served.
pub fn probe_routes(cfg: &mut web::ServiceConfig) {
    probe_services!(cfg);
}

/// A request no handler took: 405 with `Allow` when the spec documents the path with other
/// methods (the handlers match on the method), else 404.
async fn unrouted(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let table = req.app_data::<web::Data<MethodTable>>();
    Err(match table.and_then(|table| table.allowed(req.path())) {
        Some(allowed) if !allowed.contains(&req.method().as_str()) => {
            ApiError::method_not_allowed(req.method().as_str(), allowed)
        }
        _ => ApiError::not_found("endpoint"),
    })
}
