# Mails the server sends, in English. Placeholders: { $name } is filled in by the server.
# A translator edits the text; keep every placeholder of a message.

mail-signature =
    —
    Pioneer Hub, the platform of the Pathfinding Global Alliance to end violence against children

mail-application-received-subject = Your expression of interest has been received ({ $country })
mail-application-received-body =
    Dear { $name },

    The secretariat of the Pathfinding Global Alliance has received the expression of interest of { $country }, signed by { $signatory }, which names you as the country's focal point.

    Its reference number is { $id }. The secretariat will review it and write to you at this address with its decision.

mail-application-accepted-subject = { $country } has joined the Pathfinding Global Alliance
mail-application-accepted-body =
    Dear { $name },

    The secretariat has accepted the expression of interest of { $country }. Welcome to the alliance.

    { $message }

    You will receive a separate message to set up your account as the country's focal point.

mail-application-declined-subject = Your expression of interest ({ $country })
mail-application-declined-body =
    Dear { $name },

    The secretariat has reviewed the expression of interest of { $country } and cannot accept it at this stage, for the following reason:

    { $message }

    You may answer this message or submit a new expression of interest.

mail-invitation-subject = You are invited to join { $platform }
mail-invitation-body =
    Hello,

    { $inviter } invites you to join { $platform } as { $role }.

    To accept, choose your password at this address (the link works once, for { $days } days):
    { $link }

    If you did not expect this invitation, you can ignore this message.

mail-account-linked-subject = You are now a focal point for { $country }
mail-account-linked-body =
    Dear { $name },

    Following the acceptance of the expression of interest of { $country }, your existing account is now linked to the country as its focal point.

    Sign in at { $link }

mail-reset-subject = Choose a new password
mail-reset-body =
    Hello,

    Someone asked to reset the password of your Pioneer Hub account. To choose a new one, open this address (it works once, for { $minutes } minutes):
    { $link }

    If you did not ask for it, ignore this message: your password has not changed.

mail-reminder-subject = Reminder: your { $year } progress report is due on { $due }
mail-reminder-body =
    Dear { $name },

    The progress report of { $country } for { $year } is due on { $due } and has not been submitted yet.

    You can continue it at { $link }

    The secretariat can help if you need support: answer this message.

mail-role-admin = an administrator
mail-role-secretariat = a member of the secretariat
mail-role-reviewer = a reviewer of the Core Support Group
mail-role-country_focal_point = a country focal point
mail-role-country_contributor = a contributor to a country team
mail-role-partner = a partner
mail-secretariat = The secretariat

# Notifications (in the app, and in the daily digest). { $actor } is a member's name, { $subject } a title.
notification-someone = Someone
notification-reply = { $actor } replied in “{ $subject }”
notification-mention = { $actor } mentioned you in “{ $subject }”
notification-accepted-answer = { $actor } accepted your answer in “{ $subject }”
notification-group-invitation = { $actor } added you to the group “{ $subject }”
notification-resource-published = { $actor } published your resource “{ $subject }”
notification-resource-returned = { $actor } returned your resource “{ $subject }” with a comment
notification-resource-archived = { $actor } archived your resource “{ $subject }”
notification-join-request = { $actor } asks to join the group “{ $subject }”
notification-join-approved = { $actor } accepted you in the group “{ $subject }”
notification-join-declined = { $actor } declined your request to join “{ $subject }”
notification-contact-request = { $actor } would like to be in touch with you as an expert
notification-contact-accepted = { $actor } accepted your contact request: their address is on their profile
notification-contact-declined = { $actor } declined your contact request
notification-event-place = A place freed up: you are registered for “{ $subject }”
notification-event-reminder = “{ $subject }” starts within a day

mail-event-reminder-subject = Tomorrow: { $title }
mail-event-reminder-body =
    Dear { $name },

    You hold a place in “{ $title }”. It starts on { $when } (time zone of the organiser: { $timezone }).

    The details, the link to join and your calendar file: { $link }

    If you cannot come, cancel your registration on that page: your place will go to the first member on the waiting list.

mail-digest-subject = { $count ->
    [one] Pioneer Hub: 1 new notification
   *[other] Pioneer Hub: { $count } new notifications
}
mail-digest-body =
    Dear { $name },

    Here is what happened since your last digest:

    { $lines }

    All your notifications: { $link }

    You receive this daily digest because it is on in your account; switch it off at { $settings }
