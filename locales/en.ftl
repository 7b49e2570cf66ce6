# Pioneer Hub — English. Translators: edit the text after "=", keep every { $placeholder } as it is.

app-name = Pioneer Hub
app-tagline = The platform of the Pathfinding Global Alliance to end violence against children
skip-to-content = Skip to main content
language = Language
main-nav = Main navigation
menu = Menu
nav-home = Home
nav-countries = Countries
nav-users = Users
nav-api-tokens = API tokens
signed-in-as = Signed in as
logout = Log out
loading = Loading…
generic-error = Something went wrong. Please try again.
network-error = The server could not be reached. Check your connection and try again.
forbidden = You do not have access to this page.
not-found-title = Page not found
not-found-body = This address does not lead to any page.
back-home = Back to the home page
yes = Yes
no = No
never = Never
previous = Previous
next = Next
page-of = Page { $page } of { $pages }
pagination = Pagination
empty = Nothing here yet.
form-has-errors = Please correct the fields marked below.

## Login

login-title = Sign in
email = E-mail
password = Password
sign-in = Sign in
signing-in = Signing in…
invalid-credentials = E-mail or password is incorrect
rate-limited = { $seconds ->
    [one] Too many attempts. Try again in { $seconds } second.
   *[other] Too many attempts. Try again in { $seconds } seconds.
}

## Home

welcome = Welcome, { $name }
home-intro = Pioneer Hub brings together the countries and partners of the alliance: national roadmaps, annual progress reports and shared knowledge.
role = Role
country = Country
your-spaces = Your spaces
countries-blurb = Member states of the alliance and all ISO 3166 countries.
users-blurb = Accounts of country teams, reviewers and partners.
api-tokens-blurb = Tokens for national information systems and dashboards.

## Roles

role-admin = Administrator
role-secretariat = Secretariat
role-reviewer = Core Support Group reviewer
role-country-focal-point = Country focal point
role-country-contributor = Country contributor
role-partner = Partner

## Countries

countries-title = Countries
pioneer-only = Pioneer countries only
countries-count = { $count ->
    [one] { $count } country
   *[other] { $count } countries
}
code = Code
name = Name
region = Region
pioneer = Pioneer
region-africa = Africa
region-americas = Americas
region-asia = Asia
region-europe = Europe
region-oceania = Oceania

## Users

users-title = Users
users-count = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
new-user-title = Add a member
choose-country = Choose a country
password-hint = At least 10 characters.
create-user = Create the account
user-created = Account created for { $name }.
status = Status
active = Active
inactive = Inactive
activate = Activate
deactivate = Deactivate
actions = Actions
you = (you)

## Field errors

err-required = This field is required.
err-invalid-format = This value is not in the expected format.
err-invalid-email = Enter a valid e-mail address.
err-password-too-short = The password needs at least 10 characters.
err-too-long = This value is too long.
err-not-allowed = Not allowed for this role.
err-email-taken = An account already uses this e-mail address.
err-unknown-country = Unknown country.

## API tokens

api-tokens-title = API tokens
api-tokens-intro = Integrators send these tokens as “Authorization: Bearer …” to call the REST API from national information systems and dashboards.
new-token-title = Create a token
token-name = Name
token-name-hint = What the token is for, e.g. “National dashboard”.
expires-on = Expires on (optional)
create-token = Create the token
token-created = Token “{ $name }” created
token-shown-once = Copy this token now: it will not be shown again.
copy = Copy
copied = Copied
dismiss = I have copied it
created-on = Created
expires = Expires
last-used = Last used
revoke = Revoke
revoke-named = Revoke the token “{ $name }”
revoke-confirm = Revoke the token “{ $name }”? Systems that use it will lose access.

## Roadmaps

nav-roadmaps = Roadmaps
nav-review-queue = Review queue
roadmaps-blurb = National roadmaps: priorities, key actions, budgets and indicators.
review-queue-blurb = Submitted roadmaps and annual reports waiting for a decision, oldest first.
roadmaps-title = Roadmaps
roadmaps-count = { $count ->
    [one] { $count } roadmap
   *[other] { $count } roadmaps
}
roadmaps-count-one = 1 roadmap
roadmaps-count-shown = { $count ->
    [one] { $count } roadmap; the { $shown } most recently updated are shown: filter to find the others
   *[other] { $count } roadmaps; the { $shown } most recently updated are shown: filter to find the others
}
all-countries = All countries
all-statuses = All statuses
status-draft = Draft
status-submitted = Submitted
status-changes-requested = Changes requested
status-approved = Approved
status-superseded = Superseded
title = Title
period = Period
version = Version
version-n = Version { $n }
updated-on = Updated
new-roadmap = New roadmap
period-start = First year
period-end = Last year
create-roadmap = Create the roadmap
cancel = Cancel
summary = Vision and summary
consultation = National consultation
held-on = Date of the consultation
stakeholder-groups = Stakeholder groups who took part
participants = Number of participants
sg-government = Government
sg-civil-society = Civil society
sg-faith = Faith-based organisations
sg-un = United Nations
sg-children = Children and young people
sg-survivors = Survivors
sg-private = Private sector
sg-academia = Academia
priorities = Priorities
priority-named = Priority “{ $name }”
description = Description
strategies = INSPIRE strategies
new-priority-title = Title of a new priority
add-priority = Add the priority
actions-heading = Key actions
action-named = Key action “{ $name }”
new-action-title = Title of a new key action
add-action = Add the key action
lead-institution = Lead institution
partners = Partners (comma-separated)
partners-short = Partners
start-month = Start month
end-month = End month
budget-amount = Budget
currency = Currency
secured = Secured
funding-source = Funding source
indicators = Indicators
indicator-named = Indicator “{ $name }”
sdg-indicator = SDG indicator
national-indicator = National indicator (no SDG code)
unit = Unit
baseline-value = Baseline value
baseline-year = Baseline year
target-value = Target value
target-year = Target year
source = Source
new-indicator-name = Name of a new indicator
add-indicator = Add the indicator
delete = Delete
delete-named = Delete “{ $name }”
confirm-delete = Delete “{ $name }”?
saving = Saving…
all-saved = All changes saved
pending-changes = { $count ->
    [one] { $count } change waiting to be saved
   *[other] { $count } changes waiting to be saved
}
offline-kept = No connection: your changes are kept on this device and will be sent when the connection returns.
retry-now = Retry now
conflict-title = Someone else changed this roadmap meanwhile
conflict-intro = Your change was made on an older version. Keep your value (it is applied to the current version) or take the current value.
field = Field
your-value = Your value
current-value = Current value
keep-mine = Keep my value
take-theirs = Take the current value
part-gone = This item was deleted meanwhile.
completeness = Still missing before submission
ready-to-submit = The roadmap is complete and can be submitted.
submit = Submit for review
withdraw = Withdraw the submission
revise = Start a revision
print = Print
submitted = The roadmap was submitted for review.
not-editable = This roadmap cannot be edited in its current status.
stale-reloaded = The roadmap had changed; the current version is shown.
budget-title = Budget
budget-by-strategy = Budget by INSPIRE strategy ({ $currency })
secured-and-gap = Secured and still to find ({ $currency })
total = Total
gap = Still to find
no-strategy = No strategy yet
no-budget = No budget entered yet.
timeline = Timeline
no-schedule = No key action is scheduled yet.
not-scheduled = not scheduled
comments = Comments
new-comment = New comment
reply = Reply
reply-to = Reply to { $name }
your-reply = Your reply
send = Send
decision = Your decision
decision-comment = Comment for the country team
decision-hint = Required when you request changes.
approve = Approve
request-changes = Request changes
added = Added
removed = Removed
changed = Changed
changes-since-approved = What changed since the approved version (version { $n })
no-changes-since-approved = Nothing has changed since the approved version.
value-before = Before:
value-after = After:
section-roadmap = Roadmap
section-priority = Priority
section-action = Key action
section-indicator = Indicator
history = History
versions = Versions
review-queue-title = Review queue
submitted-on = Submitted
queue-empty = No roadmap is waiting for review.
queue-roadmaps = Roadmaps awaiting review
queue-reports = Reports awaiting review
queue-reports-empty = No report is waiting for review.
err-outside-period = Outside the roadmap’s period.
err-before-start = Cannot come before the start.
err-negative = Cannot be negative.
err-exceeds-budget = More than the budget.
err-currency-mismatch = Must be in the budget’s currency.
err-invalid-amount = Enter an amount with at most two decimals, e.g. 1500.50.
err-invalid-month = Write the month as YYYY-MM.
err-invalid-number = Enter a number, e.g. 42.5.
err-out-of-range = This value is out of range.
err-before-baseline = The target year cannot come before the baseline year.
err-unknown-currency = Unknown currency.

## Annual progress reports

nav-reports = Reports
nav-reporting-cycles = Reporting cycles
reports-blurb = The countries’ annual progress reports on their roadmaps.
reporting-cycles-blurb = Open the annual reporting cycles, follow who reported and read the synthesis.
reports-title = Annual progress reports
reports-count = { $count ->
    [one] { $count } report
   *[other] { $count } reports
}
reports-empty = No report to show.
reports-of-figure = Only the reports behind one figure of the synthesis are shown.
show-all-reports = Show all reports
year = Year
all-years = All years
deadline = Deadline
on-time = On time
late = Late
overdue = Overdue
status-accepted = Accepted
status-not-started = Not started
start-report = Start the { $year } report
start-report-hint = The { $year } reporting cycle is open; reports are due on { $date }. Your report starts from your approved roadmap and from last year’s report.
no-approved-roadmap = Your country needs an approved roadmap before it can report.
report-exists = Your country has already started this report.
cycle-closed-error = This reporting cycle is closed: its reports can no longer change.
report-title = Annual progress report { $year }
roadmap-version-link = The roadmap reported on (version { $n })
trend-link = Progress over the years
trend = Trend
report-submitted = The report was submitted for review.
report-not-editable = This report cannot be edited in its current status.
report-stale-reloaded = The report had changed; the current version is shown.
report-conflict-title = Someone else changed this report meanwhile
accept-report = Accept the report
general-comments = Comments on the report
general-comments-hint = For remarks on the whole report; each section below has its own comments.
action-progress = Progress of the key actions
no-actions = The roadmap has no key action.
action-status = Status
action-not-started = Not started
action-on-track = On track
action-delayed = Delayed
action-completed = Completed
action-cancelled = Cancelled
progress-percent = Progress (%)
progress-done = { $percent }% done
spent = Amount spent
spent-in = Amount spent ({ $currency })
budget-of = Budget: { $amount }
no-budget-line = No budget in the roadmap
note = Note
carried-over = Carried over from last year
no-indicators = The roadmap has no indicator.
latest-value = Latest value
value = Value
value-year = Year of the value
toward-target = { $percent }% of the way from the baseline to the target
away-from-target = { $percent }% further from the target than the baseline
no-progress-data = Not enough data yet to measure the progress toward the target.
narrative-heading = In your own words
achievements = Achievements
achievements-hint = What changed for children this year, and thanks to which actions.
challenges = Challenges
challenges-hint = What slowed the work down or stood in its way.
lessons-learned = Lessons learned
lessons-learned-hint = What you would do again, or differently, and what others could use.
children-participation = Participation of children and young people
children-participation-hint = How children and young people took part in the actions and in this report.
support-requests = Support requested from the alliance
no-support-requests = No support requested.
support-type = Type of support
support-technical = Technical assistance
support-financial = Financial support
support-peer-exchange = Peer exchange
support-capacity-building = Capacity building
concerns = What it concerns
concerns-nothing = The roadmap as a whole
new-support-request = Ask for support
add-support-request = Add the request
happened-accepted = Acceptance
section-report = Report
section-support-request = Support request
section-application = Application
section-invitation = Invitation
section-resource = Resource
err-before-opening = The due date cannot come before the opening date.

## Reporting cycles, tracker

cycles-title = Reporting cycles
cycles-intro = Every year the countries with an approved roadmap report on their progress. Open the cycle, set its dates, follow who reported, and close it once the reports are in.
cycles-empty = No reporting cycle yet.
new-cycle = Open a reporting cycle
cycle-year = Year reported on
opens-on = Opens on
due-on = Due on
open-cycle = Open the cycle
cycle-created = The { $year } reporting cycle is open.
cycle-exists = A reporting cycle already exists for this year.
cycle-n = Reporting cycle { $year }
cycle-open = Open
cycle-closed = Closed
close-cycle = Close the cycle
reopen-cycle = Reopen the cycle
save-dates = Save the dates
dates-saved = The dates were saved.
tracker = Tracker
synthesis = Synthesis
tracker-title = Who reported for { $year }
tracker-caption = Countries expected to report, and where their reports stand
tracker-counts = Reports by status
tracker-empty = No country matches these filters.
expected = Expected
all-regions = All regions
due-on-date = Reports are due on { $date }.
download-csv = Download CSV
download-xlsx = Download Excel (XLSX)

## Synthesis and trend

synthesis-title = Synthesis { $year }
include-submitted = Include the reports submitted but not yet accepted
synthesis-based-on = { $count ->
    [one] Based on { $count } report
   *[other] Based on { $count } reports
}
synthesis-empty = No report of this cycle has been accepted yet.
actions-by-strategy = Key actions by status, per INSPIRE strategy
actions-by-region = Key actions by status, per region
budget-planned-spent = Budget planned and spent, per INSPIRE strategy ({ $currency })
budget-by-country = Budget planned and spent, per country (each currency on its own line)
planned = Planned
planned-spent = planned { $planned }, spent { $spent }
indicators-on-track = Indicators on track, per country
indicator-on-track = On track
indicator-off-track = Off track
indicator-no-data = No data
support-by-type = Support requested, by type and country
late-countries = Countries that reported late
no-late = No country reported late.
in-all = { $count } in all
no-data = Nothing to show yet.
unknown-region = Unknown region
trend-title = Progress over the years
trend-actions = Key actions by status, per reporting cycle
trend-indicators = Indicators over time
trend-empty = This country has no report yet.
trend-desc = Values by cycle: { $values }. Baseline: { $baseline }. Target: { $target }.
baseline = Baseline
target = Target

## Dates
month1 = January
month2 = February
month3 = March
month4 = April
month5 = May
month6 = June
month7 = July
month8 = August
month9 = September
month10 = October
month11 = November
month12 = December
date = { $day } { $month } { $year }
date-time = { $date }, { $time } UTC

## History
happened-created = Creation
happened-updated = Update
happened-deleted = Deletion
happened-submitted = Submission
happened-withdrawn = Withdrawal
happened-changes-requested = Changes requested
happened-approved = Approval
happened-superseded = Superseded by a newer version
happened-revision-started = Started as a new version
happened-revised = New version started
happened-declined = Declined
happened-archived = Archived
history-event = { $happened } · { $section }

## Spreadsheet exports (written by the server)
export-sheet = Key actions
export-priority = Priority
export-strategies = INSPIRE strategies
export-action = Key action
export-description = Description
export-lead-institution = Lead institution
export-partners = Partners
export-start-month = Start month
export-end-month = End month
export-budget = Budget
export-currency = Currency
export-secured = Secured
export-gap = Still to find
export-funding-source = Funding source
export-action-id = Action id

## Account and two-factor sign-in
nav-account = Your account
account-title = Your account
account-name = Name
totp-title = Two-factor sign-in
totp-intro = Protect your account with a second step when you sign in: after your password, a 6-digit code from an authenticator app on your phone (such as Aegis, FreeOTP, Google Authenticator or Microsoft Authenticator).
totp-on = On.
totp-off = Off.
totp-recovery-left = { $count ->
    [one] { $count } recovery code left.
   *[other] { $count } recovery codes left.
}
totp-turn-on = Turn on two-factor sign-in
totp-setup-title = Set up your authenticator app
totp-scan = Scan this QR code with your authenticator app.
totp-qr-label = QR code to add Pioneer Hub to an authenticator app
totp-manual-entry = Or, if you cannot scan it, enter this key in the app by hand:
totp-confirm-label = Enter the 6-digit code the app now shows
totp-confirm = Confirm and turn on
totp-recovery-title = Your recovery codes
totp-recovery-warning = Keep these codes somewhere safe, away from your phone (printed, or in a password manager). If you lose your phone, each code lets you sign in once instead of a 6-digit code. They are shown only this once.
totp-recovery-saved = I have saved them
totp-required-notice = Your role requires two-factor sign-in. Turn it on to continue using Pioneer Hub.
totp-required-cannot-turn-off = Your role requires two-factor sign-in: it cannot be turned off.
totp-turn-off-title = Turn off two-factor sign-in
totp-turn-off = Turn off
totp-code-label = Enter the 6-digit code from your authenticator app (or a recovery code)
totp-code-hint = The code changes every 30 seconds. A recovery code looks like abcd-efgh-jkmn.
totp-verify = Verify
totp-back-to-password = Back to e-mail and password
totp-invalid-code = This code is wrong or was already used. Wait for the next code and try again.
totp-challenge-expired = The sign-in took too long. Enter your password again.
totp-enrolment-required = Your role requires two-factor sign-in: turn it on in your account first.

## Membership: joining, invitations, passwords, country teams, outbox
nav-applications = Applications
applications-blurb = Countries’ expressions of interest, and your decisions on them.
nav-outbox = Outbox
outbox-blurb = Mails and reminders sent in the background; retry those that failed.
join-link = Your country wants to join the alliance?
forgot-password-link = Forgot your password?
join-title-page = Join the alliance
join-intro = A government expresses its interest in joining the Pathfinding Global Alliance by sending this form with the letter signed by a high-level representative. The secretariat reviews it and answers by e-mail.
join-country-section = The country
join-entity = Government entity
join-signatory-section = The signatory
join-signatory = Signatory
join-signatory-name = Name of the signatory
join-signatory-title = Title of the signatory
join-commitment-section = Commitment
join-language = Language of the application
join-language-hint = The commitment below is written, and the secretariat answers, in this language.
join-commitment = Commitment statement
join-commitment-hint = The text of Annex I, which the signatory endorses. You can adapt it.
join-commitment-restore = Restore the text of the annex
join-commitment-party = [Name of the country – Government entity]
join-commitment-text =
    Hereby, { $party } voluntarily joins the Pathfinding Global Alliance to end violence against children and declares its commitment to pursue the mission, objectives and principles of the Global Alliance, in order to support and accelerate efforts to end violence against children by 2030.

    Recognises the alarming growth in the number of children facing various forms of violence around the world, noting that, despite all the significant past and current efforts, the world is not on track to achieve the 2030 Agenda.

    Notes that the world must unite around integrated approaches at scale, fostering solutions adapted to the context and responding to specific needs, in order to eradicate violence against children.

    To this end, becomes a member of the Pathfinding Global Alliance to end violence against children, in order to support and accelerate efforts to eliminate violence against children, by strengthening and investing in integrated child protection services.

    By thus joining the Pathfinding Global Alliance to end violence against children, commits to making every possible effort, within its field of action and in accordance with its mandate, capacities, priorities, procedures and legal framework, to support the implementation of policy instruments and programmes at national level, as needed, including by promoting shared learning and mobilising resources at scale.
join-focal-point-section = Nominated focal point
join-focal-point-hint = The senior official who will lead the country’s work in the alliance. Once the application is accepted, they receive an invitation to Pioneer Hub at this address.
join-title = Title
join-ministry = Ministry or body
join-letter-section = Signed letter
join-letter = Signed letter (PDF)
join-letter-hint = The letter of expression of interest signed by a high-level representative: a PDF of at most 5 MB.
join-submit = Send the expression of interest
join-sending = Sending…
join-rate-limited = { $minutes ->
    [one] Too many applications were sent from this connection. Please try again in { $minutes } minute.
   *[other] Too many applications were sent from this connection. Please try again in { $minutes } minutes.
}
join-done-title = Thank you: your expression of interest was received
join-done-reference = Its reference, to quote in any exchange with the secretariat:
join-done-mailed = An acknowledgment was sent by e-mail to { $email }.
join-done-next = The secretariat will review the application and answer by e-mail.
err-not-pdf = The letter must be a PDF file.
err-letter-too-large = The file is larger than 5 MB.
err-invalid-characters = Write this on one line, without special characters.
err-unknown-language = Choose one of the languages offered.
applications-title = Expressions of interest
applications-intro = Applications sent through the “Join the alliance” form. Accepting one records the country as a pioneer and invites its focal point.
applications-empty = No application with this status.
application-received = Received
application-declined = Declined
received-on = Received
application-of = Expression of interest of { $country }
application-received-on = Received on { $date }
back-to-applications = All applications
reference = Reference
download-letter = Download { $name }
application-decision = Decision
application-decision-choice = Your decision
accept-application = Accept the application
decline-application = Decline the application
decision-message = Message to the applicant
decision-message-hint = Sent with the decision by e-mail. Required when you decline.
joined-on-optional = Joining date (optional; today when empty)
already-decided = This application has already been decided: reload the page to see the decision.
invitation-title = Your invitation to Pioneer Hub
invited-as = You are invited as { $role }.
invited-as-for = You are invited as { $role } for { $country }.
invited-by = Invited by
link-valid-until = Link valid until
create-your-account = Create your account
your-name = Your name
new-password = New password
confirm-password = Confirm the password
passwords-differ = The two passwords are not the same.
accept-invitation = Create my account
link-unknown = This link is not valid. Check that you copied it whole from the e-mail.
link-used = This link has already been used. Sign in with your e-mail and password.
invitation-expired = This invitation has expired. Ask the person who invited you, or the secretariat, for a new invitation.
invitation-email-taken = An account already exists for this address. Sign in with it.
go-to-sign-in = Go to the sign-in page
forgot-password-title = Forgot your password?
forgot-password-intro = Enter the e-mail address of your account: we will send you a link to choose a new password.
send-reset-link = Send the link
back-to-sign-in = Back to sign in
reset-requested = If an account exists for this address, a link is on its way. It works for one hour.
try-again-in-minutes = { $minutes ->
    [one] Too many requests. Try again in { $minutes } minute.
   *[other] Too many requests. Try again in { $minutes } minutes.
}
reset-password-title = Choose a new password
change-password = Change the password
ask-new-link = Ask for a new link
reset-expired = This link has expired. Ask for a new one.
password-changed = Password changed. You can now sign in with your new password.
pioneer-country = Pioneer country
joined-on = Joined the alliance
focal-points = Focal points
no-focal-point = No focal point yet.
no-roadmap-yet = No roadmap to show yet.
no-report-yet = No annual report to show yet.
manage-team = Manage the team
country-profile = Country profile
team-title = Team of { $country }
team-intro = The focal points and contributors who work on the country’s roadmap and reports. Invite new members, hand over the focal-point role or deactivate an account.
team-members = Members
team-empty = No member yet.
two-factor = Two-factor sign-in
make-focal-point = Make focal point
handover-confirm = Hand over the focal-point role to { $name }?
deactivate-confirm = Deactivate the account of { $name }? They will no longer be able to sign in.
keep-my-role = Stay a focal point myself when I hand over the role
team-conflict = This change is not possible: the team changed meanwhile, or it would leave the country without a focal point.
pending-invitations = Pending invitations
no-pending-invitation = No pending invitation.
cancel-invitation = Cancel
cancel-invitation-confirm = Cancel the invitation sent to { $email }? Its link will stop working.
invite-title = Invite a member
mail-language = Language of the invitation mail
send-invitation = Send the invitation
invitation-sent = Invitation sent to { $email }.
outbox-title = Outbox
outbox-intro = Mails and reminders are sent in the background and retried automatically. Those that kept failing are listed here: fix the cause, then retry them.
outbox-empty = No job with this status.
all-kinds = All kinds
job-pending = Pending
job-running = Running
job-done = Done
job-failed = Failed
job-mail = Mail
job-reminder = Reminder
job-summary = What
job-kind = Kind
job-attempts = Attempts
job-last-error = Last error
job-when = When
retry-job = Retry
job-retried = Queued again: { $summary }
remind-countries = Remind the countries that have not submitted
remind-confirm = Send a reminder to every country that has not submitted its { $year } report?
remind-cycle-closed = This reporting cycle is closed: no reminder can be sent.
remind-nobody = Every country has submitted: nobody to remind.
reminded-count = { $count ->
    [one] A reminder is on its way to { $count } country:
   *[other] A reminder is on its way to { $count } countries:
}
recipients-count = { $count ->
    [one] { $count } focal point
   *[other] { $count } focal points
}
no-focal-point-account = No focal point account: reach this country another way

## Thematic groups
nav-groups = Groups
groups-blurb = Thematic groups: members who work on one theme together.
groups-title = Thematic groups
groups-intro = Members who work on one theme together share resources, discussions and events in their group. The secretariat creates the groups and names their members and moderators.
groups-empty = No thematic group yet.
group-member = Member
group-moderator = Moderator
group-counts = { $members ->
    [one] { $members } member
   *[other] { $members } members
}, { $moderators ->
    [one] { $moderators } moderator
   *[other] { $moderators } moderators
}
new-group-title = Create a group
group-created = The group “{ $name }” was created.
group-name = Name of the group
group-description = Description
create-group = Create the group
all-groups = All groups
group-members = Members
group-no-member = No member yet.
remove-from-group = Remove
remove-from-group-confirm = Remove { $name } from the group? They lose access to its content at once.
group-role-label = Role in the group
add-to-group = Add to the group
add-to-group-hint = Name a member of Pioneer Hub by their e-mail address. A member already in the group changes role.
added-to-group = { $name } is in the group.
err-group-name-taken = A group already has this name.
err-unknown-member = No active member of Pioneer Hub has this e-mail address.

## Knowledge base
nav-knowledge = Knowledge base
knowledge-blurb = Good practices, evidence, tools and guidance that the alliance shares.
nav-moderation = Moderation
moderation-blurb = Resources waiting for a moderator before they are published.
knowledge-title = Knowledge base
knowledge-intro = Good practices, evidence, tools, guidance and recordings that the countries and partners of the alliance share.
knowledge-search-label = Search the knowledge base
knowledge-search-hint = Type a few words in any of the four languages; accents are optional.
search-button = Search
share-resource = Share a resource
sign-in-to-share = Sign in to share a resource.
browse-knowledge = Browse the knowledge base
search-total = { $count ->
    [one] { $count } resource found
   *[other] { $count } resources found
}
search-no-result = No resource matches this search. Try other words, or remove a filter.
search-results = Search results
filters = Filters
clear-filters = Clear the filters
facet-kind = Type of resource
facet-strategy = INSPIRE strategy
facet-language = Language of the resource
latest-resources = Latest
most-viewed-resources = Most viewed
no-resource-yet = No resource has been published yet.
resource-views = { $count ->
    [one] { $count } view
   *[other] { $count } views
}
kind-good-practice = Good practice
kind-evidence = Evidence and research
kind-tool = Tool
kind-guidance = Guidance
kind-video = Video
kind-tutorial = Tutorial
kind-case-study = Case study
kind-webinar-recording = Webinar recording
kind-qa = Questions and answers
resource-status-pending = Waiting for moderation
resource-status-published = Published
resource-status-returned = Returned to its author
resource-status-archived = Archived
visibility-public = Everyone, also without an account
visibility-members = The members of Pioneer Hub
visibility-group = The members of one group
back-to-knowledge = Back to the knowledge base
resource-by = By { $name }
resource-published-on = Published on { $date }
resource-submitted-on = Submitted on { $date }
resource-for-group = For the members of { $group }
resource-details = About this resource
resource-kind = Type of resource
resource-title = Title
resource-summary = Summary
resource-body = Text
resource-language = Language of the resource
resource-strategies = INSPIRE strategies
resource-countries = Countries
resource-tags = Tags
resource-links = Links
resource-files = Files
resource-group = Group
resource-visibility = Who may read it
resource-author = Author
download-file = Download
download-file-named = Download { $name }
edit-resource = Edit
edit-published-hint = Your changes go to moderation as a proposed change; this version stays visible until a moderator publishes them.
submit-again = Submit again
publish-resource = Publish
return-resource = Return to the author
return-comment = Why it goes back to its author
return-comment-hint = The author reads this comment on the resource.
archive-resource = Archive
archive-confirm = Archive this resource? It will no longer be shown in the knowledge base.
pending-revision-link = A change is waiting for moderation
revision-of-note = This is a proposed change of a published resource, waiting for moderation.
see-published-version = See the published version
resource-published-notice = The resource is published.
resource-returned-notice = The resource went back to its author with your comment.
resource-archived-notice = The resource is archived.
resource-submitted-notice = The resource is back in moderation.
resource-returned-alert = A moderator returned this resource: read their comment, edit it, then submit it again.
resource-pending-alert = This resource waits for a moderator: only its author and the moderators see it.
resource-stale = Someone changed this resource meanwhile: the page now shows it as it is. Check it, then try again.
resource-step-refused = This step is not possible in the resource’s current status.
resource-not-editable = This resource can no longer be edited.
sign-in-to-read = This resource is for members: sign in to read it.
new-resource-title = Share a resource
edit-resource-title = Edit the resource
new-resource-intro = A moderator reads every resource before it is published.
write-tab = Write
preview-tab = Preview
preview-empty = Nothing to preview yet.
markdown-hint = Markdown: **bold**, *italics*, lists starting with “-”, links as [text](https://…).
tags-hint = Separate the tags with commas.
links-hint = One address per line, starting with https://.
add-country = Add a country
choose-one-country = Choose a country…
remove-named = Remove { $name }
remove-file = Remove
resource-stale-form = Someone changed this resource meanwhile. Your text is kept: save again to replace their version with yours.
choose-group = Choose a group…
no-group-to-share = You are not a member of any thematic group.
attach-files = Attach files
attached-files = Attached files
files-hint = PDF, images, MP4 videos, Word, Excel, PowerPoint, OpenDocument text, CSV or plain text; at most 25 MB per file.
file-waiting = Waiting to be sent
file-sent = Sent
upload-progress-label = { $name }: { $percent } %
send-for-moderation = Send for moderation
save-resource = Save
propose-change = Propose the change
files-not-sent = The resource is saved, but some files were not sent. Remove or replace them, then save again.
open-resource = Open the resource
err-file-too-large = This file is larger than 25 MB.
err-file-type = This type of file is not accepted.
err-invalid-url = A link is an address starting with http:// or https://.
err-unknown-strategy = Unknown INSPIRE strategy.
revision-pending-error = A change of this resource is already waiting for moderation: edit that change instead.
err-file-truncated = The file arrived cut off: send it again.
err-too-many = Too many values.
moderation-title = Moderation
moderation-intro = Resources waiting for a moderator, the oldest first. Open one to publish it, return it to its author with a comment, or archive it.
moderation-empty = Nothing to moderate.
moderation-queue = Resources waiting for moderation
revision-badge = Change to a published resource

## Discussions
nav-discussions = Discussions
discussions-blurb = Ask the other members, share what worked, and follow the answers.
discussions-title = Discussions
discussions-intro = The general forum is open to every member of Pioneer Hub. Each thematic group also has its own discussions, on the group's page.
general-forum = General forum
discussions-empty = No discussion yet: start the first one.
group-discussions = Discussions of the group
group-discussions-intro = Only the group's members read them and take part.
discussion-started = Started by { $author } on { $date }
discussion-posts = { $count ->
    [one] { $count } post
   *[other] { $count } posts
}
discussion-last-post = last post on { $date }
discussion-answered = Answered
discussion-following = Following
new-discussion-title = Start a discussion
discussion-title-label = Title
discussion-body-label = Your question or topic
start-discussion = Start the discussion
all-discussions = All discussions
back-to-group = Back to the group
discussion-in-group = In the group { $group }
follow-discussion = Follow this discussion
unfollow-discussion = Stop following
following-hint = You are notified of the new posts in this discussion.
not-following-hint = Follow it to be notified of the new posts.
post-edited = edited on { $date }
opening-post-label = Question
replies-title = { $count ->
    [0] No reply yet
    [one] { $count } reply
   *[other] { $count } replies
}
in-reply-to = In reply to { $name }
send-reply = Send the reply
edit-post = Edit
edit-post-label = Your post
save-post = Save
accept-answer = Accept this answer
accepted-answer = Accepted answer
go-to-accepted-answer = Go to the accepted answer
reply-posted = Your reply is posted.
answer-accepted = This answer is now the accepted one.

## Notifications
notifications-title = Notifications
notifications-intro = What concerns you: replies in the discussions you follow, mentions, accepted answers, groups you join and moderation decisions.
notifications-bell = { $count ->
    [0] Notifications
    [one] Notifications, { $count } unread
   *[other] Notifications, { $count } unread
}
notifications-empty = No notification.
notifications-none-unread = Nothing unread.
mark-read = Mark as read
unread-only = Unread only
mark-all-read = Mark all as read
notification-unread = Unread
all-read-notice = Everything is marked as read.

# Events
nav-events = Events
events-blurb = Webinars, trainings and workshops: register, and add them to your calendar.
event-kind-webinar = Webinar
event-kind-training = Training
event-kind-regional-workshop = Regional workshop
event-kind-peer-exchange = Peer exchange
event-kind-consultation = Consultation
event-kind-conference = Conference
registration-registered = You are registered
registration-waitlisted = On the waiting list
registration-cancelled = Cancelled
registration-waitlisted-at = Waiting list: number { $position }
event-full = { $waiting ->
    [0] Full
   *[other] Full — { $waiting } on the waiting list
}
event-places-left = { $left } of { $capacity } places left
event-registered-count = { $count } registered
events-empty = No event here yet.
events-title = Events
organise-event = Organise an event
events-intro = Webinars, trainings, regional workshops, peer exchanges and consultations of the alliance and its thematic groups.
events-times-in = Times are shown in your time zone ({ $zone }).
events-when = Which events
events-upcoming = Upcoming
events-past = Past
event-kind-label = Kind
download-my-calendar = Download my calendar (.ics)
group-events = Events
group-resources = Resources of the group
group-resources-intro = Shared with the group's members only; they are found in the knowledge base too.
no-group-resource = No resource shared with the group yet.
all-group-resources = All { $count } resources of the group
share-with-group = Share a resource with the group
organise-group-event = Organise an event for this group
all-events = All events
registered-notice = You are registered. The link to join is below.
waitlisted-notice = The event is full: you are on the waiting list, and will be told if a place frees up.
cancelled-notice = Your registration is cancelled.
event-organiser-time = For the organiser: { $time } ({ $zone })
cancel-registration = Cancel my registration
join-waitlist = Join the waiting list
register-for-event = Register
registration-closed-note = Registration closed when the event started.
event-interpretation = { $languages }, with interpretation into { $interpreted }
event-languages = Languages
event-online = Online
event-link-for-registered = The link is shown to those who hold a place.
event-location = Place
event-group = Thematic group
event-recording = Watch the recording
edit-event = Edit the event
event-places = Places
event-organiser = Organiser
add-to-calendar = Add to my calendar (.ics)
no-attendees = Nobody has registered yet.
attendees = Attendees
registration-status-label = Registration
open-group = Open the group
event-title-label = Title
event-timezone-label = Time zone of the organiser
event-starts-label = Starts
event-local-time-hint = In the organiser’s time zone; each member sees it in their own.
event-ends-label = Ends
event-online-url-label = Link to join online
event-location-label = Place (for those who come in person)
event-capacity-label = Places
event-capacity-hint = Leave empty for no limit.
event-languages-label = Languages of the event
event-languages-hint = Language codes, separated by commas: en, fr, es, pt, sw…
event-interpretation-label = Interpretation into
event-description-label = Description
event-recording-label = Recording in the knowledge base
event-recording-hint = Paste the address of the resource once the event is held.
save-event = Save the event
event-for-label = For
event-for-everyone = Every member of the alliance

# Joining a group
join-request-waiting = You asked to join this group: a moderator will answer soon.
join-group-title = Join this group
join-group-intro = Its members share resources, discussions and events on its theme. A moderator answers your request.
join-message-label = A word for the moderators (optional)
ask-to-join = Ask to join
join-asked-on = Asked on { $date }
approve-request = Accept
decline-request = Decline
join-requests-title = Requests to join

happened-comment-removed = Comment removed

# Daily digest
digest-title = E-mail digest
digest-label = Send me a daily e-mail of the notifications I have not read
digest-hint = It goes out once a day, in the morning (06:00 UTC), only when there is something new.
digest-saved = Saved.

# Comments: editing and removal
comment-edited = edited
comment-removed-note = This comment was removed.
edit-comment = Edit
remove-comment = Remove
remove-comment-confirm = Remove this comment? Its text will be gone for everyone.

# Experts and partner organisations
nav-experts = Experts
experts-blurb = Find an expert or a partner organisation who has done it before, and ask them to be in touch.
directory-nav = Directory
experts-title = Experts
experts-intro = Members who share what they know: search by words, strategy, language, country or region.
experts-total = { $count ->
    [one] One expert
   *[other] { $count } experts
}
all-experts = All experts
organisations-title = Partner organisations
organisations-intro = UN agencies, civil society, faith-based and survivor-led organisations, children- and youth-led networks, academia and the private sector.
organisations-total = { $count ->
    [one] One organisation
   *[other] { $count } organisations
}
organisation-experts = { $count ->
    [one] Its expert in the directory
   *[other] Its { $count } experts in the directory
}
add-organisation = Add an organisation
organisation-kind = Kind of organisation
organisation-description = Description
organisation-website = Web site
org-kind-un-agency = UN agency
org-kind-civil-society = Civil society
org-kind-faith-based = Faith-based organisation
org-kind-survivor-led = Survivor-led organisation
org-kind-children-youth-led = Children- and youth-led network
org-kind-academia = Academia
org-kind-private-sector = Private sector
directory-language = Languages
any-value = Any
directory-search-label = Search the directory
my-expert-profile = My expert profile
my-expert-profile-intro = Say what you know and where you have worked: members find you in the directory and may ask you to be in touch. Your e-mail address is shown only to those whose request you accept.
expert-bio = Short bio
expert-organisation = Organisation
expert-languages-hint = Their ISO 639-1 codes, separated by commas: hi, ne, wo…
other-languages = Other languages
save-expert-profile = Save my profile
expert-profile-saved = Your profile is saved: members find you in the directory.
leave-directory = Leave the directory
edit-expert-profile = Edit my profile
expert-email = E-mail:
contact-title = Get in touch
contact-message-label = Your message to { $name }
contact-hint = Say who you are and what you would like to ask. Their address is shown to you once they accept.
send-contact-request = Send the request
contact-pending-sent = Your request was sent: you will be told when they answer.
contact-pending-received = They asked to be in touch with you: answer in your contact requests.
contact-accepted-note = You are in touch: the address is on the profile.
contact-declined-note = Your last request was declined.
contact-recently-declined = This expert declined your last request lately; you may ask again in a few weeks.
contact-already-accepted = This expert accepted your request already: the address is on the profile.
contacts-title = Contact requests
contacts-received = Received
contacts-sent = Sent
no-contact-requests = No contact request here yet.
contact-from = From { $name }
contact-to = To { $name }
contact-status-pending = Waiting for an answer
contact-status-accepted = Accepted
contact-status-declined = Declined
accept-contact = Accept
decline-contact = Decline
err-unknown-region = Choose among Africa, Americas, Asia, Europe and Oceania.
err-yourself = You cannot send a contact request to yourself.
save-organisation = Save the organisation
edit-organisation = Edit
expert-organisation-hint = Type its name; an organisation of the directory is offered as you type, and your profile is then linked to it.
expert-countries = Countries of experience
