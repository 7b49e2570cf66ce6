# Pioneer Hub — English. Translators: edit the text after "=", keep every { $placeholder } as it is.

app-name = Pioneer Hub
app-tagline = The platform of the Pathfinding Global Alliance to end violence against children
skip-to-content = Skip to main content
language = Language
main-nav = Main navigation
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
