# Courriels envoyés par le serveur, en français. Les { $nom } sont remplis par le serveur.
# Le traducteur modifie le texte ; il garde chaque paramètre du message.

mail-signature =
    —
    Pioneer Hub, la plateforme de l'Alliance mondiale pionnière pour mettre fin à la violence contre les enfants

mail-application-received-subject = Votre déclaration d'intérêt a bien été reçue ({ $country })
mail-application-received-body =
    Bonjour { $name },

    Le secrétariat de l'Alliance mondiale pionnière a reçu la déclaration d'intérêt de { $country }, signée par { $signatory }, qui vous désigne comme point focal du pays.

    Son numéro de référence est { $id }. Le secrétariat l'examinera et vous écrira à cette adresse pour vous communiquer sa décision.

mail-application-accepted-subject = { $country } a rejoint l'Alliance mondiale pionnière
mail-application-accepted-body =
    Bonjour { $name },

    Le secrétariat a accepté la déclaration d'intérêt de { $country }. Bienvenue dans l'Alliance.

    { $message }

    Vous recevrez un message séparé pour créer votre compte de point focal du pays.

mail-application-declined-subject = Votre déclaration d'intérêt ({ $country })
mail-application-declined-body =
    Bonjour { $name },

    Le secrétariat a examiné la déclaration d'intérêt de { $country } et ne peut pas l'accepter à ce stade, pour la raison suivante :

    { $message }

    Vous pouvez répondre à ce message ou soumettre une nouvelle déclaration d'intérêt.

mail-invitation-subject = Vous êtes invité·e à rejoindre { $platform }
mail-invitation-body =
    Bonjour,

    { $inviter } vous invite à rejoindre { $platform } en tant que { $role }.

    Pour accepter, choisissez votre mot de passe à cette adresse (le lien fonctionne une fois, pendant { $days } jours) :
    { $link }

    Si vous n'attendiez pas cette invitation, vous pouvez ignorer ce message.

mail-account-linked-subject = Vous êtes désormais point focal pour { $country }
mail-account-linked-body =
    Bonjour { $name },

    À la suite de l'acceptation de la déclaration d'intérêt de { $country }, votre compte existant est désormais rattaché au pays en tant que point focal.

    Connectez-vous sur { $link }

mail-reset-subject = Choisissez un nouveau mot de passe
mail-reset-body =
    Bonjour,

    Une demande de réinitialisation du mot de passe de votre compte Pioneer Hub a été faite. Pour en choisir un nouveau, ouvrez cette adresse (elle fonctionne une fois, pendant { $minutes } minutes) :
    { $link }

    Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe n'a pas changé.

mail-reminder-subject = Rappel : votre rapport d'avancement { $year } est attendu le { $due }
mail-reminder-body =
    Bonjour { $name },

    Le rapport d'avancement de { $country } pour { $year } est attendu le { $due } et n'a pas encore été soumis.

    Vous pouvez le poursuivre sur { $link }

    Le secrétariat peut vous aider si besoin : répondez à ce message.

mail-role-admin = administrateur·rice
mail-role-secretariat = membre du secrétariat
mail-role-reviewer = examinateur·rice du Groupe de soutien principal
mail-role-country_focal_point = point focal d'un pays
mail-role-country_contributor = contributeur·rice d'une équipe pays
mail-role-partner = partenaire
mail-secretariat = Le secrétariat

# Notifications (dans l’application, et dans le résumé quotidien). { $actor } est le nom d’un membre, { $subject } un titre.
notification-someone = Quelqu’un
notification-reply = { $actor } a répondu dans « { $subject } »
notification-mention = { $actor } vous a mentionné·e dans « { $subject } »
notification-accepted-answer = { $actor } a accepté votre réponse dans « { $subject } »
notification-group-invitation = { $actor } vous a ajouté·e au groupe « { $subject } »
notification-resource-published = { $actor } a publié votre ressource « { $subject } »
notification-resource-returned = { $actor } vous a renvoyé votre ressource « { $subject } » avec un commentaire
notification-resource-archived = { $actor } a archivé votre ressource « { $subject } »
notification-join-request = { $actor } demande à rejoindre le groupe « { $subject } »
notification-join-approved = { $actor } vous a accepté·e dans le groupe « { $subject } »
notification-join-declined = { $actor } a refusé votre demande pour rejoindre « { $subject } »
notification-contact-request = { $actor } souhaite vous contacter en tant qu’expert·e
notification-contact-accepted = { $actor } a accepté votre demande de contact : son adresse figure sur son profil
notification-contact-declined = { $actor } a décliné votre demande de contact
notification-event-place = Une place s’est libérée : vous êtes inscrit·e à « { $subject } »
notification-event-reminder = « { $subject } » commence dans moins d’un jour

mail-event-reminder-subject = Demain : { $title }
mail-event-reminder-body =
    Bonjour { $name },

    Vous avez une place à « { $title } ». L’événement commence le { $when } (fuseau horaire de l’organisateur : { $timezone }).

    Les détails, le lien pour participer et votre fichier d’agenda : { $link }

    Si vous ne pouvez pas venir, annulez votre inscription sur cette page : votre place ira au premier membre de la liste d’attente.

mail-digest-subject = { $count ->
    [one] Pioneer Hub : 1 nouvelle notification
   *[other] Pioneer Hub : { $count } nouvelles notifications
}
mail-digest-body =
    Bonjour { $name },

    Voici ce qui s’est passé depuis votre dernier résumé :

    { $lines }

    Toutes vos notifications : { $link }

    Vous recevez ce résumé quotidien car il est activé dans votre compte ; vous pouvez le désactiver sur { $settings }
