# Pioneer Hub — French. Translators: edit the text after "=", keep every { $placeholder } as it is.

app-name = Pioneer Hub
app-tagline = La plateforme de l’Alliance mondiale pionnière pour mettre fin à la violence envers les enfants
skip-to-content = Aller au contenu principal
language = Langue
main-nav = Navigation principale
menu = Menu
nav-home = Accueil
nav-countries = Pays
nav-users = Utilisateurs
nav-api-tokens = Jetons d’API
signed-in-as = Connecté·e en tant que
logout = Se déconnecter
loading = Chargement…
generic-error = Une erreur est survenue. Veuillez réessayer.
network-error = Le serveur est injoignable. Vérifiez votre connexion et réessayez.
forbidden = Vous n’avez pas accès à cette page.
not-found-title = Page introuvable
not-found-body = Cette adresse ne mène à aucune page.
back-home = Retour à l’accueil
yes = Oui
no = Non
never = Jamais
previous = Précédent
next = Suivant
page-of = Page { $page } sur { $pages }
pagination = Pagination
empty = Rien pour l’instant.
form-has-errors = Veuillez corriger les champs signalés ci-dessous.

## Login

login-title = Connexion
email = Adresse e-mail
password = Mot de passe
sign-in = Se connecter
signing-in = Connexion en cours…
invalid-credentials = Adresse e-mail ou mot de passe incorrect
rate-limited = { $seconds ->
    [one] Trop de tentatives. Réessayez dans { $seconds } seconde.
   *[other] Trop de tentatives. Réessayez dans { $seconds } secondes.
}

## Home

welcome = Bienvenue, { $name }
home-intro = Pioneer Hub réunit les pays et les partenaires de l’alliance : feuilles de route nationales, rapports annuels de progrès et savoirs partagés.
role = Rôle
country = Pays
your-spaces = Vos espaces
countries-blurb = Les États membres de l’alliance et tous les pays ISO 3166.
users-blurb = Les comptes des équipes nationales, examinateurs et partenaires.
api-tokens-blurb = Des jetons pour les systèmes d’information nationaux et les tableaux de bord.

## Roles

role-admin = Administrateur
role-secretariat = Secrétariat
role-reviewer = Examinateur du Groupe de soutien
role-country-focal-point = Point focal national
role-country-contributor = Contributeur national
role-partner = Partenaire

## Countries

countries-title = Pays
pioneer-only = Pays pionniers uniquement
countries-count = { $count ->
    [one] { $count } pays
   *[other] { $count } pays
}
code = Code
name = Nom
region = Région
pioneer = Pionnier
region-africa = Afrique
region-americas = Amériques
region-asia = Asie
region-europe = Europe
region-oceania = Océanie

## Users

users-title = Utilisateurs
users-count = { $count ->
    [one] { $count } membre
   *[other] { $count } membres
}
new-user-title = Ajouter un membre
choose-country = Choisir un pays
password-hint = Au moins 10 caractères.
create-user = Créer le compte
user-created = Compte créé pour { $name }.
status = Statut
active = Actif
inactive = Inactif
activate = Activer
deactivate = Désactiver
actions = Actions
you = (vous)

## Field errors

err-required = Ce champ est obligatoire.
err-invalid-format = Cette valeur n’a pas le format attendu.
err-invalid-email = Saisissez une adresse e-mail valide.
err-password-too-short = Le mot de passe doit compter au moins 10 caractères.
err-too-long = Cette valeur est trop longue.
err-not-allowed = Non autorisé pour ce rôle.
err-email-taken = Un compte utilise déjà cette adresse e-mail.
err-unknown-country = Pays inconnu.

## API tokens

api-tokens-title = Jetons d’API
api-tokens-intro = Les intégrateurs envoient ces jetons dans l’en-tête « Authorization: Bearer … » pour appeler l’API REST depuis les systèmes d’information nationaux et les tableaux de bord.
new-token-title = Créer un jeton
token-name = Nom
token-name-hint = À quoi sert le jeton, par exemple « Tableau de bord national ».
expires-on = Expire le (facultatif)
create-token = Créer le jeton
token-created = Jeton « { $name } » créé
token-shown-once = Copiez ce jeton maintenant : il ne sera plus affiché.
copy = Copier
copied = Copié
dismiss = Je l’ai copié
created-on = Créé le
expires = Expire le
last-used = Dernière utilisation
revoke = Révoquer
revoke-named = Révoquer le jeton « { $name } »
revoke-confirm = Révoquer le jeton « { $name } » ? Les systèmes qui l’utilisent perdront l’accès.

## Roadmaps

nav-roadmaps = Feuilles de route
nav-review-queue = File d’examen
roadmaps-blurb = Les feuilles de route nationales : priorités, actions clés, budgets et indicateurs.
review-queue-blurb = Les feuilles de route et rapports annuels soumis en attente de décision, les plus anciens d’abord.
roadmaps-title = Feuilles de route
roadmaps-count = { $count ->
    [one] { $count } feuille de route
   *[other] { $count } feuilles de route
}
roadmaps-count-one = 1 feuille de route
roadmaps-count-shown = { $count ->
    [one] { $count } feuille de route ; les { $shown } plus récemment mises à jour sont affichées : filtrez pour trouver les autres
   *[other] { $count } feuilles de route ; les { $shown } plus récemment mises à jour sont affichées : filtrez pour trouver les autres
}
all-countries = Tous les pays
all-statuses = Tous les statuts
status-draft = Brouillon
status-submitted = Soumis
status-changes-requested = Modifications demandées
status-approved = Approuvé
status-superseded = Remplacé
title = Titre
period = Période
version = Version
version-n = Version { $n }
updated-on = Mis à jour
new-roadmap = Nouvelle feuille de route
period-start = Première année
period-end = Dernière année
create-roadmap = Créer la feuille de route
cancel = Annuler
summary = Vision et résumé
consultation = Consultation nationale
held-on = Date de la consultation
stakeholder-groups = Parties prenantes ayant participé
participants = Nombre de participants
sg-government = Gouvernement
sg-civil-society = Société civile
sg-faith = Organisations confessionnelles
sg-un = Nations unies
sg-children = Enfants et jeunes
sg-survivors = Personnes survivantes
sg-private = Secteur privé
sg-academia = Milieu universitaire
priorities = Priorités
priority-named = Priorité « { $name } »
description = Description
strategies = Stratégies INSPIRE
new-priority-title = Titre d’une nouvelle priorité
add-priority = Ajouter la priorité
actions-heading = Actions clés
action-named = Action clé « { $name } »
new-action-title = Titre d’une nouvelle action clé
add-action = Ajouter l’action clé
lead-institution = Institution responsable
partners = Partenaires (séparés par des virgules)
partners-short = Partenaires
start-month = Mois de début
end-month = Mois de fin
budget-amount = Budget
currency = Devise
secured = Montant acquis
funding-source = Source de financement
indicators = Indicateurs
indicator-named = Indicateur « { $name } »
sdg-indicator = Indicateur ODD
national-indicator = Indicateur national (sans code ODD)
unit = Unité
baseline-value = Valeur de référence
baseline-year = Année de référence
target-value = Valeur cible
target-year = Année cible
source = Source
new-indicator-name = Nom d’un nouvel indicateur
add-indicator = Ajouter l’indicateur
delete = Supprimer
delete-named = Supprimer « { $name } »
confirm-delete = Supprimer « { $name } » ?
saving = Enregistrement…
all-saved = Toutes les modifications sont enregistrées
pending-changes = { $count ->
    [one] { $count } modification en attente d’enregistrement
   *[other] { $count } modifications en attente d’enregistrement
}
offline-kept = Pas de connexion : vos modifications sont conservées sur cet appareil et seront envoyées au retour de la connexion.
retry-now = Réessayer maintenant
conflict-title = Quelqu’un d’autre a modifié cette feuille de route entre-temps
conflict-intro = Votre modification portait sur une version plus ancienne. Gardez votre valeur (elle sera appliquée à la version actuelle) ou prenez la valeur actuelle.
field = Champ
your-value = Votre valeur
current-value = Valeur actuelle
keep-mine = Garder ma valeur
take-theirs = Prendre la valeur actuelle
part-gone = Cet élément a été supprimé entre-temps.
completeness = Ce qui manque avant la soumission
ready-to-submit = La feuille de route est complète et peut être soumise.
submit = Soumettre pour examen
withdraw = Retirer la soumission
revise = Commencer une révision
print = Imprimer
submitted = La feuille de route a été soumise pour examen.
not-editable = Cette feuille de route ne peut pas être modifiée dans son statut actuel.
stale-reloaded = La feuille de route avait changé ; la version actuelle est affichée.
budget-title = Budget
budget-by-strategy = Budget par stratégie INSPIRE ({ $currency })
secured-and-gap = Acquis et reste à trouver ({ $currency })
total = Total
gap = Reste à trouver
no-strategy = Sans stratégie
no-budget = Aucun budget saisi pour l’instant.
timeline = Calendrier
no-schedule = Aucune action clé n’est encore planifiée.
not-scheduled = non planifiée
comments = Commentaires
new-comment = Nouveau commentaire
reply = Répondre
reply-to = Répondre à { $name }
your-reply = Votre réponse
send = Envoyer
decision = Votre décision
decision-comment = Commentaire pour l’équipe nationale
decision-hint = Obligatoire pour demander des modifications.
approve = Approuver
request-changes = Demander des modifications
added = Ajouté
removed = Supprimé
changed = Modifié
changes-since-approved = Ce qui a changé depuis la version approuvée (version { $n })
no-changes-since-approved = Rien n’a changé depuis la version approuvée.
value-before = Avant :
value-after = Après :
section-roadmap = Feuille de route
section-priority = Priorité
section-action = Action clé
section-indicator = Indicateur
history = Historique
versions = Versions
review-queue-title = File d’examen
submitted-on = Soumis le
queue-empty = Aucune feuille de route n’attend d’examen.
queue-roadmaps = Feuilles de route en attente d’examen
queue-reports = Rapports en attente d’examen
queue-reports-empty = Aucun rapport n’attend d’examen.
err-outside-period = En dehors de la période de la feuille de route.
err-before-start = Ne peut pas précéder le début.
err-negative = Ne peut pas être négatif.
err-exceeds-budget = Supérieur au budget.
err-currency-mismatch = Doit être dans la devise du budget.
err-invalid-amount = Saisissez un montant avec au plus deux décimales, p. ex. 1500.50.
err-invalid-month = Écrivez le mois sous la forme AAAA-MM.
err-invalid-number = Saisissez un nombre, p. ex. 42.5.
err-out-of-range = Cette valeur est hors des limites.
err-before-baseline = L’année cible ne peut pas précéder l’année de référence.
err-unknown-currency = Devise inconnue.

## Rapports annuels de progrès

nav-reports = Rapports
nav-reporting-cycles = Cycles de rapport
reports-blurb = Les rapports annuels de progrès des pays sur leur feuille de route.
reporting-cycles-blurb = Ouvrir les cycles annuels de rapport, suivre qui a rendu son rapport et lire la synthèse.
reports-title = Rapports annuels de progrès
reports-count = { $count ->
    [one] { $count } rapport
   *[other] { $count } rapports
}
reports-empty = Aucun rapport à afficher.
reports-of-figure = Seuls les rapports derrière un chiffre de la synthèse sont affichés.
show-all-reports = Afficher tous les rapports
year = Année
all-years = Toutes les années
deadline = Échéance
on-time = Dans les délais
late = En retard
overdue = Échéance dépassée
status-accepted = Accepté
status-not-started = Non commencé
start-report = Commencer le rapport { $year }
start-report-hint = Le cycle de rapport { $year } est ouvert ; les rapports sont attendus le { $date }. Votre rapport part de votre feuille de route approuvée et du rapport de l’an dernier.
no-approved-roadmap = Votre pays doit avoir une feuille de route approuvée avant de pouvoir rendre un rapport.
report-exists = Votre pays a déjà commencé ce rapport.
cycle-closed-error = Ce cycle de rapport est clos : ses rapports ne peuvent plus changer.
report-title = Rapport annuel de progrès { $year }
roadmap-version-link = La feuille de route concernée (version { $n })
trend-link = Progrès au fil des ans
trend = Évolution
report-submitted = Le rapport a été soumis pour examen.
report-not-editable = Ce rapport ne peut pas être modifié dans son statut actuel.
report-stale-reloaded = Le rapport avait changé ; la version actuelle est affichée.
report-conflict-title = Quelqu’un d’autre a modifié ce rapport entre-temps
accept-report = Accepter le rapport
general-comments = Commentaires sur le rapport
general-comments-hint = Pour les remarques sur l’ensemble du rapport ; chaque section ci-dessous a ses propres commentaires.
action-progress = Avancement des actions clés
no-actions = La feuille de route n’a aucune action clé.
action-status = Statut
action-not-started = Non commencée
action-on-track = En bonne voie
action-delayed = En retard
action-completed = Achevée
action-cancelled = Annulée
progress-percent = Avancement (%)
progress-done = { $percent } % réalisé
spent = Montant dépensé
spent-in = Montant dépensé ({ $currency })
budget-of = Budget : { $amount }
no-budget-line = Pas de budget dans la feuille de route
note = Note
carried-over = Repris de l’an dernier
no-indicators = La feuille de route n’a aucun indicateur.
latest-value = Dernière valeur
value = Valeur
value-year = Année de la valeur
toward-target = { $percent } % du chemin entre la valeur de référence et la cible
away-from-target = { $percent } % plus loin de la cible que la valeur de référence
no-progress-data = Pas encore assez de données pour mesurer le progrès vers la cible.
narrative-heading = Avec vos propres mots
achievements = Réalisations
achievements-hint = Ce qui a changé pour les enfants cette année, et grâce à quelles actions.
challenges = Difficultés
challenges-hint = Ce qui a ralenti ou entravé le travail.
lessons-learned = Enseignements
lessons-learned-hint = Ce que vous referiez, ou feriez autrement, et ce qui pourrait servir à d’autres.
children-participation = Participation des enfants et des jeunes
children-participation-hint = Comment les enfants et les jeunes ont pris part aux actions et à ce rapport.
support-requests = Appui demandé à l’alliance
no-support-requests = Aucun appui demandé.
support-type = Type d’appui
support-technical = Assistance technique
support-financial = Appui financier
support-peer-exchange = Échange entre pairs
support-capacity-building = Renforcement des capacités
concerns = Ce qu’elle concerne
concerns-nothing = La feuille de route dans son ensemble
new-support-request = Demander un appui
add-support-request = Ajouter la demande
happened-accepted = Acceptation
section-report = Rapport
section-support-request = Demande d’appui
section-application = Candidature
section-invitation = Invitation
section-resource = Ressource
err-before-opening = L’échéance ne peut pas précéder la date d’ouverture.

## Cycles de rapport, suivi

cycles-title = Cycles de rapport
cycles-intro = Chaque année, les pays dotés d’une feuille de route approuvée rendent compte de leurs progrès. Ouvrez le cycle, fixez ses dates, suivez qui a rendu son rapport, puis clôturez-le une fois les rapports reçus.
cycles-empty = Aucun cycle de rapport pour l’instant.
new-cycle = Ouvrir un cycle de rapport
cycle-year = Année couverte
opens-on = Ouverture le
due-on = Échéance le
open-cycle = Ouvrir le cycle
cycle-created = Le cycle de rapport { $year } est ouvert.
cycle-exists = Un cycle de rapport existe déjà pour cette année.
cycle-n = Cycle de rapport { $year }
cycle-open = Ouvert
cycle-closed = Clos
close-cycle = Clore le cycle
reopen-cycle = Rouvrir le cycle
save-dates = Enregistrer les dates
dates-saved = Les dates ont été enregistrées.
tracker = Suivi
synthesis = Synthèse
tracker-title = Qui a rendu son rapport pour { $year }
tracker-caption = Pays attendus et état de leur rapport
tracker-counts = Rapports par statut
tracker-empty = Aucun pays ne correspond à ces filtres.
expected = Attendus
all-regions = Toutes les régions
due-on-date = Les rapports sont attendus le { $date }.
download-csv = Télécharger en CSV
download-xlsx = Télécharger en Excel (XLSX)

## Synthèse et évolution

synthesis-title = Synthèse { $year }
include-submitted = Inclure les rapports soumis mais pas encore acceptés
synthesis-based-on = { $count ->
    [one] D’après { $count } rapport
   *[other] D’après { $count } rapports
}
synthesis-empty = Aucun rapport de ce cycle n’a encore été accepté.
actions-by-strategy = Actions clés par statut, par stratégie INSPIRE
actions-by-region = Actions clés par statut, par région
budget-planned-spent = Budget prévu et dépensé, par stratégie INSPIRE ({ $currency })
budget-by-country = Budget prévu et dépensé, par pays (chaque devise sur sa propre ligne)
planned = Prévu
planned-spent = prévu { $planned }, dépensé { $spent }
indicators-on-track = Indicateurs en bonne voie, par pays
indicator-on-track = En bonne voie
indicator-off-track = En retard
indicator-no-data = Sans données
support-by-type = Appui demandé, par type et par pays
late-countries = Pays ayant rendu leur rapport en retard
no-late = Aucun pays n’a rendu son rapport en retard.
in-all = { $count } au total
no-data = Rien à afficher pour l’instant.
unknown-region = Région inconnue
trend-title = Progrès au fil des ans
trend-actions = Actions clés par statut, par cycle de rapport
trend-indicators = Indicateurs au fil du temps
trend-empty = Ce pays n’a encore aucun rapport.
trend-desc = Valeurs par cycle : { $values }. Valeur de référence : { $baseline }. Cible : { $target }.
baseline = Valeur de référence
target = Cible

## Dates
month1 = janvier
month2 = février
month3 = mars
month4 = avril
month5 = mai
month6 = juin
month7 = juillet
month8 = août
month9 = septembre
month10 = octobre
month11 = novembre
month12 = décembre
date = { $day } { $month } { $year }
date-time = { $date } à { $time } UTC

## History
happened-created = Création
happened-updated = Modification
happened-deleted = Suppression
happened-submitted = Soumission
happened-withdrawn = Retrait
happened-changes-requested = Demande de modifications
happened-approved = Approbation
happened-superseded = Remplacement par une version plus récente
happened-revision-started = Début d’une nouvelle version
happened-revised = Nouvelle version commencée
happened-declined = Refus
happened-archived = Archivage
history-event = { $happened } · { $section }

## Spreadsheet exports (written by the server)
export-sheet = Actions clés
export-priority = Priorité
export-strategies = Stratégies INSPIRE
export-action = Action clé
export-description = Description
export-lead-institution = Institution responsable
export-partners = Partenaires
export-start-month = Mois de début
export-end-month = Mois de fin
export-budget = Budget
export-currency = Devise
export-secured = Montant acquis
export-gap = Reste à trouver
export-funding-source = Source de financement
export-action-id = Identifiant de l’action

## Account and two-factor sign-in
nav-account = Mon compte
account-title = Mon compte
account-name = Nom
totp-title = Connexion en deux étapes
totp-intro = Protégez votre compte par une seconde étape à la connexion : après votre mot de passe, un code à 6 chiffres donné par une application d’authentification sur votre téléphone (Aegis, FreeOTP, Google Authenticator ou Microsoft Authenticator, par exemple).
totp-on = Activée.
totp-off = Désactivée.
totp-recovery-left = { $count ->
    [one] { $count } code de secours restant.
   *[other] { $count } codes de secours restants.
}
totp-turn-on = Activer la connexion en deux étapes
totp-setup-title = Configurer votre application d’authentification
totp-scan = Scannez ce code QR avec votre application d’authentification.
totp-qr-label = Code QR pour ajouter Pioneer Hub à une application d’authentification
totp-manual-entry = Ou, si vous ne pouvez pas le scanner, saisissez cette clé à la main dans l’application :
totp-confirm-label = Saisissez le code à 6 chiffres que l’application affiche maintenant
totp-confirm = Confirmer et activer
totp-recovery-title = Vos codes de secours
totp-recovery-warning = Conservez ces codes en lieu sûr, ailleurs que sur votre téléphone (imprimés ou dans un gestionnaire de mots de passe). Si vous perdez votre téléphone, chaque code vous permet de vous connecter une fois à la place d’un code à 6 chiffres. Ils ne sont affichés qu’une seule fois.
totp-recovery-saved = Je les ai conservés
totp-required-notice = Votre rôle exige la connexion en deux étapes. Activez-la pour continuer à utiliser Pioneer Hub.
totp-required-cannot-turn-off = Votre rôle exige la connexion en deux étapes : elle ne peut pas être désactivée.
totp-turn-off-title = Désactiver la connexion en deux étapes
totp-turn-off = Désactiver
totp-code-label = Saisissez le code à 6 chiffres de votre application d’authentification (ou un code de secours)
totp-code-hint = Le code change toutes les 30 secondes. Un code de secours ressemble à abcd-efgh-jkmn.
totp-verify = Vérifier
totp-back-to-password = Revenir à l’adresse e-mail et au mot de passe
totp-invalid-code = Ce code est erroné ou a déjà été utilisé. Attendez le code suivant et réessayez.
totp-challenge-expired = La connexion a pris trop de temps. Saisissez de nouveau votre mot de passe.
totp-enrolment-required = Votre rôle exige la connexion en deux étapes : activez-la d’abord dans votre compte.

## Membership: joining, invitations, passwords, country teams, outbox
nav-applications = Candidatures
applications-blurb = Les manifestations d’intérêt des pays, et vos décisions.
nav-outbox = Envois
outbox-blurb = Les e-mails et rappels envoyés en arrière-plan ; relancez ceux qui ont échoué.
join-link = Votre pays souhaite rejoindre l’alliance ?
forgot-password-link = Mot de passe oublié ?
join-title-page = Rejoindre l’alliance
join-intro = Un gouvernement manifeste son intérêt pour l’Alliance mondiale pionnière en envoyant ce formulaire, avec la lettre signée par un représentant de haut niveau. Le secrétariat l’examine et répond par e-mail.
join-country-section = Le pays
join-entity = Entité gouvernementale
join-signatory-section = Le signataire
join-signatory = Signataire
join-signatory-name = Nom du signataire
join-signatory-title = Fonction du signataire
join-commitment-section = Engagement
join-language = Langue de la candidature
join-language-hint = L’engagement ci-dessous est rédigé, et le secrétariat répond, dans cette langue.
join-commitment = Déclaration d’engagement
join-commitment-hint = Le texte de l’annexe I, auquel le signataire souscrit. Vous pouvez l’adapter.
join-commitment-restore = Rétablir le texte de l’annexe
join-commitment-party = [Nom du pays – Entité gouvernementale]
join-commitment-text =
    Par la présente, { $party } adhère volontairement à l'Alliance mondiale pionnière pour mettre fin à la violence contre les enfants et déclare son engagement à poursuivre la mission, les objectifs et les principes de l'Alliance mondiale, afin de soutenir et d'accélérer les efforts visant à mettre fin à la violence contre les enfants d'ici 2030.

    Reconnaît la croissance alarmante du nombre d'enfants confrontés à diverses formes de violence dans le monde, en notant que, malgré tous les efforts importants passés et actuels, le monde n'est pas en passe d'atteindre l'Agenda 2030.

    Note que le monde doit s'unir autour des approches intégrées à grande échelle, favorisant des solutions adaptées au contexte et répondant aux besoins spécifiques, afin d'éradiquer la violence à l'égard des enfants.

    À cet effet, devient membre de l'Alliance mondiale pionnière pour mettre fin à la violence contre les enfants, afin de soutenir et d'accélérer les efforts visant à éliminer la violence à l'égard des enfants, en renforçant et en investissant dans des services de protection de l'enfance intégrés.

    En rejoignant par conséquent l'Alliance mondiale pionnière pour mettre fin à la violence à l'égard des enfants, s'engage à déployer tous les efforts possibles, dans son domaine d'action et conformément à son mandat, ses capacités, ses priorités, ses procédures et son cadre juridique, pour soutenir la mise en œuvre d'instruments politiques et de programmes au niveau national, selon les besoins, y compris par la promotion de l'apprentissage partagé et la mobilisation de ressources à grande échelle.
join-focal-point-section = Point focal désigné
join-focal-point-hint = Le ou la haut·e fonctionnaire qui conduira les travaux du pays dans l’alliance. Une fois la candidature acceptée, cette personne reçoit une invitation à Pioneer Hub à cette adresse.
join-title = Fonction
join-ministry = Ministère ou organisme
join-letter-section = Lettre signée
join-letter = Lettre signée (PDF)
join-letter-hint = La lettre de manifestation d’intérêt signée par un représentant de haut niveau : un PDF de 5 Mo au plus.
join-submit = Envoyer la manifestation d’intérêt
join-sending = Envoi…
join-rate-limited = { $minutes ->
    [one] Trop de candidatures ont été envoyées depuis cette connexion. Réessayez dans { $minutes } minute.
   *[other] Trop de candidatures ont été envoyées depuis cette connexion. Réessayez dans { $minutes } minutes.
}
join-done-title = Merci : votre manifestation d’intérêt a bien été reçue
join-done-reference = Sa référence, à rappeler dans tout échange avec le secrétariat :
join-done-mailed = Un accusé de réception a été envoyé par e-mail à { $email }.
join-done-next = Le secrétariat examinera la candidature et répondra par e-mail.
err-not-pdf = La lettre doit être un fichier PDF.
err-letter-too-large = Le fichier dépasse 5 Mo.
err-invalid-characters = Écrivez ceci sur une ligne, sans caractères spéciaux.
err-unknown-language = Choisissez l’une des langues proposées.
applications-title = Manifestations d’intérêt
applications-intro = Les candidatures envoyées par le formulaire « Rejoindre l’alliance ». En accepter une enregistre le pays comme pionnier et invite son point focal.
applications-empty = Aucune candidature avec ce statut.
application-received = Reçue
application-declined = Refusée
received-on = Reçue le
application-of = Manifestation d’intérêt : { $country }
application-received-on = Reçue le { $date }
back-to-applications = Toutes les candidatures
reference = Référence
download-letter = Télécharger { $name }
application-decision = Décision
application-decision-choice = Votre décision
accept-application = Accepter la candidature
decline-application = Refuser la candidature
decision-message = Message au candidat
decision-message-hint = Envoyé par e-mail avec la décision. Obligatoire en cas de refus.
joined-on-optional = Date d’adhésion (facultative ; aujourd’hui si vide)
already-decided = Une décision a déjà été prise sur cette candidature : rechargez la page pour la voir.
invitation-title = Votre invitation à Pioneer Hub
invited-as = Vous êtes invité·e en tant que { $role }.
invited-as-for = Vous êtes invité·e en tant que { $role } pour { $country }.
invited-by = Invitation de
link-valid-until = Lien valable jusqu’au
create-your-account = Créez votre compte
your-name = Votre nom
new-password = Nouveau mot de passe
confirm-password = Confirmez le mot de passe
passwords-differ = Les deux mots de passe ne sont pas identiques.
accept-invitation = Créer mon compte
link-unknown = Ce lien n’est pas valide. Vérifiez que vous l’avez copié en entier depuis l’e-mail.
link-used = Ce lien a déjà été utilisé. Connectez-vous avec votre adresse e-mail et votre mot de passe.
invitation-expired = Cette invitation a expiré. Demandez-en une nouvelle à la personne qui vous a invité·e, ou au secrétariat.
invitation-email-taken = Un compte existe déjà pour cette adresse. Connectez-vous avec.
go-to-sign-in = Aller à la page de connexion
forgot-password-title = Mot de passe oublié ?
forgot-password-intro = Saisissez l’adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
send-reset-link = Envoyer le lien
back-to-sign-in = Retour à la connexion
reset-requested = Si un compte existe pour cette adresse, un lien est en route. Il est valable une heure.
try-again-in-minutes = { $minutes ->
    [one] Trop de demandes. Réessayez dans { $minutes } minute.
   *[other] Trop de demandes. Réessayez dans { $minutes } minutes.
}
reset-password-title = Choisissez un nouveau mot de passe
change-password = Changer le mot de passe
ask-new-link = Demander un nouveau lien
reset-expired = Ce lien a expiré. Demandez-en un nouveau.
password-changed = Mot de passe modifié. Vous pouvez maintenant vous connecter avec votre nouveau mot de passe.
pioneer-country = Pays pionnier
joined-on = Membre de l’alliance depuis
focal-points = Points focaux
no-focal-point = Aucun point focal pour l’instant.
no-roadmap-yet = Aucune feuille de route à afficher pour l’instant.
no-report-yet = Aucun rapport annuel à afficher pour l’instant.
manage-team = Gérer l’équipe
country-profile = Fiche du pays
team-title = Équipe : { $country }
team-intro = Les points focaux et contributeurs qui travaillent à la feuille de route et aux rapports du pays. Invitez de nouveaux membres, transmettez le rôle de point focal ou désactivez un compte.
team-members = Membres
team-empty = Aucun membre pour l’instant.
two-factor = Connexion à deux facteurs
make-focal-point = Nommer point focal
handover-confirm = Transmettre le rôle de point focal à { $name } ?
deactivate-confirm = Désactiver le compte de { $name } ? Cette personne ne pourra plus se connecter.
keep-my-role = Rester moi-même point focal en transmettant le rôle
team-conflict = Ce changement n’est pas possible : l’équipe a changé entre-temps, ou le pays se retrouverait sans point focal.
pending-invitations = Invitations en attente
no-pending-invitation = Aucune invitation en attente.
cancel-invitation = Annuler
cancel-invitation-confirm = Annuler l’invitation envoyée à { $email } ? Son lien ne fonctionnera plus.
invite-title = Inviter un membre
mail-language = Langue de l’e-mail d’invitation
send-invitation = Envoyer l’invitation
invitation-sent = Invitation envoyée à { $email }.
outbox-title = Envois
outbox-intro = Les e-mails et rappels partent en arrière-plan et sont retentés automatiquement. Ceux qui ont échoué à chaque essai sont listés ici : corrigez la cause, puis relancez-les.
outbox-empty = Aucune tâche avec ce statut.
all-kinds = Tous les types
job-pending = En attente
job-running = En cours
job-done = Terminée
job-failed = En échec
job-mail = E-mail
job-reminder = Rappel
job-summary = Objet
job-kind = Type
job-attempts = Essais
job-last-error = Dernière erreur
job-when = Date
retry-job = Relancer
job-retried = Remis en file d’attente : { $summary }
remind-countries = Relancer les pays qui n’ont pas soumis leur rapport
remind-confirm = Envoyer un rappel à chaque pays qui n’a pas soumis son rapport { $year } ?
remind-cycle-closed = Ce cycle de rapport est clos : aucun rappel ne peut être envoyé.
remind-nobody = Tous les pays ont soumis leur rapport : personne à relancer.
reminded-count = { $count ->
    [one] Un rappel part vers { $count } pays :
   *[other] Un rappel part vers { $count } pays :
}
recipients-count = { $count ->
    [one] { $count } point focal
   *[other] { $count } points focaux
}
no-focal-point-account = Aucun compte de point focal : contactez ce pays autrement

## Thematic groups
nav-groups = Groupes
groups-blurb = Groupes thématiques : des membres qui travaillent ensemble sur un thème.
groups-title = Groupes thématiques
groups-intro = Les membres qui travaillent sur un même thème partagent ressources, discussions et événements dans leur groupe. Le secrétariat crée les groupes et en nomme les membres et les modérateurs.
groups-empty = Aucun groupe thématique pour le moment.
group-member = Membre
group-moderator = Modérateur
group-counts = { $members ->
    [one] { $members } membre
   *[other] { $members } membres
}, { $moderators ->
    [one] { $moderators } modérateur
   *[other] { $moderators } modérateurs
}
new-group-title = Créer un groupe
group-created = Le groupe « { $name } » a été créé.
group-name = Nom du groupe
group-description = Description
create-group = Créer le groupe
all-groups = Tous les groupes
group-members = Membres
group-no-member = Aucun membre pour le moment.
remove-from-group = Retirer
remove-from-group-confirm = Retirer { $name } du groupe ? Cette personne perd aussitôt l’accès à son contenu.
group-role-label = Rôle dans le groupe
add-to-group = Ajouter au groupe
add-to-group-hint = Désignez un membre de Pioneer Hub par son adresse e-mail. Un membre déjà dans le groupe change de rôle.
added-to-group = { $name } fait partie du groupe.
err-group-name-taken = Un groupe porte déjà ce nom.
err-unknown-member = Aucun membre actif de Pioneer Hub n’a cette adresse e-mail.

## Knowledge base
nav-knowledge = Base de connaissances
knowledge-blurb = Bonnes pratiques, données probantes, outils et orientations que l’alliance partage.
nav-moderation = Modération
moderation-blurb = Les ressources qui attendent un modérateur avant d’être publiées.
knowledge-title = Base de connaissances
knowledge-intro = Bonnes pratiques, données probantes, outils, orientations et enregistrements que les pays et les partenaires de l’alliance partagent.
knowledge-search-label = Rechercher dans la base de connaissances
knowledge-search-hint = Quelques mots dans l’une des quatre langues ; les accents sont facultatifs.
search-button = Rechercher
share-resource = Partager une ressource
sign-in-to-share = Connectez-vous pour partager une ressource.
browse-knowledge = Parcourir la base de connaissances
search-total = { $count ->
    [one] { $count } ressource trouvée
   *[other] { $count } ressources trouvées
}
search-no-result = Aucune ressource ne correspond à cette recherche. Essayez d’autres mots ou retirez un filtre.
search-results = Résultats de la recherche
filters = Filtres
clear-filters = Retirer les filtres
facet-kind = Type de ressource
facet-strategy = Stratégie INSPIRE
facet-language = Langue de la ressource
latest-resources = Les plus récentes
most-viewed-resources = Les plus consultées
no-resource-yet = Aucune ressource n’a encore été publiée.
resource-views = { $count ->
    [one] { $count } consultation
   *[other] { $count } consultations
}
kind-good-practice = Bonne pratique
kind-evidence = Données probantes et recherche
kind-tool = Outil
kind-guidance = Orientations
kind-video = Vidéo
kind-tutorial = Tutoriel
kind-case-study = Étude de cas
kind-webinar-recording = Enregistrement de webinaire
kind-qa = Questions et réponses
resource-status-pending = En attente de modération
resource-status-published = Publiée
resource-status-returned = Renvoyée à son auteur
resource-status-archived = Archivée
visibility-public = Tout le monde, même sans compte
visibility-members = Les membres de Pioneer Hub
visibility-group = Les membres d’un groupe
back-to-knowledge = Retour à la base de connaissances
resource-by = Par { $name }
resource-published-on = Publiée le { $date }
resource-submitted-on = Soumise le { $date }
resource-for-group = Pour les membres de { $group }
resource-details = À propos de cette ressource
resource-kind = Type de ressource
resource-title = Titre
resource-summary = Résumé
resource-body = Texte
resource-language = Langue de la ressource
resource-strategies = Stratégies INSPIRE
resource-countries = Pays
resource-tags = Mots-clés
resource-links = Liens
resource-files = Fichiers
resource-group = Groupe
resource-visibility = Qui peut la lire
resource-author = Auteur
download-file = Télécharger
download-file-named = Télécharger { $name }
edit-resource = Modifier
edit-published-hint = Vos modifications passent en modération comme une proposition de changement ; cette version reste visible jusqu’à ce qu’un modérateur les publie.
submit-again = Soumettre à nouveau
publish-resource = Publier
return-resource = Renvoyer à l’auteur
return-comment = Pourquoi elle retourne à son auteur
return-comment-hint = L’auteur lit ce commentaire sur la ressource.
archive-resource = Archiver
archive-confirm = Archiver cette ressource ? Elle ne sera plus affichée dans la base de connaissances.
pending-revision-link = Une modification attend la modération
revision-of-note = Ceci est une proposition de changement d’une ressource publiée, en attente de modération.
see-published-version = Voir la version publiée
resource-published-notice = La ressource est publiée.
resource-returned-notice = La ressource est retournée à son auteur avec votre commentaire.
resource-archived-notice = La ressource est archivée.
resource-submitted-notice = La ressource est de nouveau en modération.
resource-returned-alert = Un modérateur a renvoyé cette ressource : lisez son commentaire, modifiez-la, puis soumettez-la à nouveau.
resource-pending-alert = Cette ressource attend un modérateur : seuls son auteur et les modérateurs la voient.
resource-stale = Quelqu’un a modifié cette ressource entre-temps : la page l’affiche désormais telle qu’elle est. Vérifiez-la, puis réessayez.
resource-step-refused = Cette étape n’est pas possible dans l’état actuel de la ressource.
resource-not-editable = Cette ressource ne peut plus être modifiée.
sign-in-to-read = Cette ressource est réservée aux membres : connectez-vous pour la lire.
new-resource-title = Partager une ressource
edit-resource-title = Modifier la ressource
new-resource-intro = Un modérateur lit chaque ressource avant sa publication.
write-tab = Écrire
preview-tab = Aperçu
preview-empty = Rien à prévisualiser pour l’instant.
markdown-hint = Markdown : **gras**, *italique*, listes commençant par « - », liens sous la forme [texte](https://…).
tags-hint = Séparez les mots-clés par des virgules.
links-hint = Une adresse par ligne, commençant par https://.
add-country = Ajouter un pays
choose-one-country = Choisir un pays…
remove-named = Retirer { $name }
remove-file = Retirer
resource-stale-form = Quelqu’un a modifié cette ressource entre-temps. Votre texte est conservé : enregistrez à nouveau pour remplacer sa version par la vôtre.
choose-group = Choisir un groupe…
no-group-to-share = Vous n’êtes membre d’aucun groupe thématique.
attach-files = Joindre des fichiers
attached-files = Fichiers joints
files-hint = PDF, images, vidéos MP4, Word, Excel, PowerPoint, texte OpenDocument, CSV ou texte brut ; 25 Mo au plus par fichier.
file-waiting = En attente d’envoi
file-sent = Envoyé
upload-progress-label = { $name } : { $percent } %
send-for-moderation = Envoyer en modération
save-resource = Enregistrer
propose-change = Proposer la modification
files-not-sent = La ressource est enregistrée, mais certains fichiers n’ont pas été envoyés. Retirez-les ou remplacez-les, puis enregistrez à nouveau.
open-resource = Ouvrir la ressource
err-file-too-large = Ce fichier dépasse 25 Mo.
err-file-type = Ce type de fichier n’est pas accepté.
err-invalid-url = Un lien est une adresse commençant par http:// ou https://.
err-unknown-strategy = Stratégie INSPIRE inconnue.
revision-pending-error = Une modification de cette ressource attend déjà la modération : modifiez plutôt celle-ci.
err-file-truncated = Le fichier est arrivé incomplet : envoyez-le à nouveau.
err-too-many = Trop de valeurs.
moderation-title = Modération
moderation-intro = Les ressources qui attendent un modérateur, les plus anciennes d’abord. Ouvrez-en une pour la publier, la renvoyer à son auteur avec un commentaire, ou l’archiver.
moderation-empty = Rien à modérer.
moderation-queue = Ressources en attente de modération
revision-badge = Modification d’une ressource publiée

## Discussions
nav-discussions = Discussions
discussions-blurb = Posez vos questions aux autres membres, partagez ce qui a marché et suivez les réponses.
discussions-title = Discussions
discussions-intro = Le forum général est ouvert à tous les membres de Pioneer Hub. Chaque groupe thématique a aussi ses propres discussions, sur la page du groupe.
general-forum = Forum général
discussions-empty = Aucune discussion pour l’instant : lancez la première.
group-discussions = Discussions du groupe
group-discussions-intro = Seuls les membres du groupe les lisent et y participent.
discussion-started = Lancée par { $author } le { $date }
discussion-posts = { $count ->
    [one] { $count } message
   *[other] { $count } messages
}
discussion-last-post = dernier message le { $date }
discussion-answered = Résolue
discussion-following = Suivie
new-discussion-title = Lancer une discussion
discussion-title-label = Titre
discussion-body-label = Votre question ou votre sujet
start-discussion = Lancer la discussion
all-discussions = Toutes les discussions
back-to-group = Retour au groupe
discussion-in-group = Dans le groupe { $group }
follow-discussion = Suivre cette discussion
unfollow-discussion = Ne plus suivre
following-hint = Vous êtes averti des nouveaux messages de cette discussion.
not-following-hint = Suivez-la pour être averti des nouveaux messages.
post-edited = modifié le { $date }
opening-post-label = Question
replies-title = { $count ->
    [0] Pas encore de réponse
    [one] { $count } réponse
   *[other] { $count } réponses
}
in-reply-to = En réponse à { $name }
send-reply = Envoyer la réponse
edit-post = Modifier
edit-post-label = Votre message
save-post = Enregistrer
accept-answer = Accepter cette réponse
accepted-answer = Réponse acceptée
go-to-accepted-answer = Aller à la réponse acceptée
reply-posted = Votre réponse est publiée.
answer-accepted = Cette réponse est désormais la réponse acceptée.

## Notifications
notifications-title = Notifications
notifications-intro = Ce qui vous concerne : réponses dans les discussions que vous suivez, mentions, réponses acceptées, groupes que vous rejoignez et décisions de modération.
notifications-bell = { $count ->
    [0] Notifications
    [one] Notifications, { $count } non lue
   *[other] Notifications, { $count } non lues
}
notifications-empty = Aucune notification.
notifications-none-unread = Rien de non lu.
mark-read = Marquer comme lue
unread-only = Non lues seulement
mark-all-read = Tout marquer comme lu
notification-unread = Non lue
all-read-notice = Tout est marqué comme lu.

# Events
nav-events = Événements
events-blurb = Webinaires, formations et ateliers : inscrivez-vous et ajoutez-les à votre agenda.
event-kind-webinar = Webinaire
event-kind-training = Formation
event-kind-regional-workshop = Atelier régional
event-kind-peer-exchange = Échange entre pairs
event-kind-consultation = Consultation
event-kind-conference = Conférence
registration-registered = Vous êtes inscrit·e
registration-waitlisted = Sur la liste d’attente
registration-cancelled = Annulée
registration-waitlisted-at = Liste d’attente : n° { $position }
event-full = { $waiting ->
    [0] Complet
   *[other] Complet — { $waiting } en liste d’attente
}
event-places-left = { $left } places libres sur { $capacity }
event-registered-count = { $count } inscrit·es
events-empty = Aucun événement ici pour l’instant.
events-title = Événements
organise-event = Organiser un événement
events-intro = Webinaires, formations, ateliers régionaux, échanges entre pairs et consultations de l’alliance et de ses groupes thématiques.
events-times-in = Les heures sont affichées dans votre fuseau horaire ({ $zone }).
events-when = Quels événements
events-upcoming = À venir
events-past = Passés
event-kind-label = Type
download-my-calendar = Télécharger mon agenda (.ics)
group-events = Événements
group-resources = Ressources du groupe
group-resources-intro = Réservées aux membres du groupe ; on les retrouve aussi dans la base de connaissances.
no-group-resource = Aucune ressource partagée avec le groupe pour l’instant.
all-group-resources = Les { $count } ressources du groupe
share-with-group = Partager une ressource avec le groupe
organise-group-event = Organiser un événement pour ce groupe
all-events = Tous les événements
registered-notice = Vous êtes inscrit·e. Le lien pour participer est ci-dessous.
waitlisted-notice = L’événement est complet : vous êtes sur la liste d’attente et serez prévenu·e si une place se libère.
cancelled-notice = Votre inscription est annulée.
event-organiser-time = Pour l’organisateur : { $time } ({ $zone })
cancel-registration = Annuler mon inscription
join-waitlist = Rejoindre la liste d’attente
register-for-event = S’inscrire
registration-closed-note = Les inscriptions ont fermé au début de l’événement.
event-interpretation = { $languages }, avec interprétation en { $interpreted }
event-languages = Langues
event-online = En ligne
event-link-for-registered = Le lien est affiché aux personnes inscrites.
event-location = Lieu
event-group = Groupe thématique
event-recording = Voir l’enregistrement
edit-event = Modifier l’événement
event-places = Places
event-organiser = Organisateur
add-to-calendar = Ajouter à mon agenda (.ics)
no-attendees = Personne ne s’est encore inscrit.
attendees = Participant·es
registration-status-label = Inscription
open-group = Ouvrir le groupe
event-title-label = Titre
event-timezone-label = Fuseau horaire de l’organisateur
event-starts-label = Début
event-local-time-hint = Dans le fuseau de l’organisateur ; chaque membre le voit dans le sien.
event-ends-label = Fin
event-online-url-label = Lien pour participer en ligne
event-location-label = Lieu (pour la participation en personne)
event-capacity-label = Nombre de places
event-capacity-hint = Laisser vide pour ne pas limiter.
event-languages-label = Langues de l’événement
event-languages-hint = Codes de langue, séparés par des virgules : en, fr, es, pt, sw…
event-interpretation-label = Interprétation vers
event-description-label = Description
event-recording-label = Enregistrement dans la base de connaissances
event-recording-hint = Collez l’adresse de la ressource une fois l’événement passé.
save-event = Enregistrer l’événement
event-for-label = Pour
event-for-everyone = Tous les membres de l’alliance

# Joining a group
join-request-waiting = Vous avez demandé à rejoindre ce groupe : un modérateur vous répondra bientôt.
join-group-title = Rejoindre ce groupe
join-group-intro = Ses membres partagent ressources, discussions et événements sur son thème. Un modérateur répond à votre demande.
join-message-label = Un mot pour les modérateurs (facultatif)
ask-to-join = Demander à rejoindre
join-asked-on = Demande du { $date }
approve-request = Accepter
decline-request = Refuser
join-requests-title = Demandes d’adhésion

happened-comment-removed = Retrait d’un commentaire

# Daily digest
digest-title = Résumé par e-mail
digest-label = M’envoyer chaque jour un e-mail des notifications non lues
digest-hint = Il part une fois par jour, le matin (06:00 UTC), seulement s’il y a du nouveau.
digest-saved = Enregistré.

# Comments: editing and removal
comment-edited = modifié
comment-removed-note = Ce commentaire a été retiré.
edit-comment = Modifier
remove-comment = Retirer
remove-comment-confirm = Retirer ce commentaire ? Son texte disparaîtra pour tout le monde.

# Experts and partner organisations
nav-experts = Expert·es
experts-blurb = Trouvez l’expert·e ou l’organisation partenaire qui l’a déjà fait, et demandez-lui d’entrer en contact.
directory-nav = Annuaire
experts-title = Expert·es
experts-intro = Les membres qui partagent leur expérience : cherchez par mots, stratégie, langue, pays ou région.
experts-total = { $count ->
    [one] Un·e expert·e
   *[other] { $count } expert·es
}
all-experts = Tous les expert·es
organisations-title = Organisations partenaires
organisations-intro = Agences des Nations unies, société civile, organisations confessionnelles et de survivant·es, réseaux d’enfants et de jeunes, universités et secteur privé.
organisations-total = { $count ->
    [one] Une organisation
   *[other] { $count } organisations
}
organisation-experts = { $count ->
    [one] Son expert·e dans l’annuaire
   *[other] Ses { $count } expert·es dans l’annuaire
}
add-organisation = Ajouter une organisation
organisation-kind = Type d’organisation
organisation-description = Description
organisation-website = Site web
org-kind-un-agency = Agence des Nations unies
org-kind-civil-society = Société civile
org-kind-faith-based = Organisation confessionnelle
org-kind-survivor-led = Organisation de survivant·es
org-kind-children-youth-led = Réseau d’enfants et de jeunes
org-kind-academia = Université et recherche
org-kind-private-sector = Secteur privé
directory-language = Langues
any-value = Tous
directory-search-label = Chercher dans l’annuaire
my-expert-profile = Mon profil d’expert·e
my-expert-profile-intro = Dites ce que vous savez et où vous avez travaillé : les membres vous trouvent dans l’annuaire et peuvent vous demander d’entrer en contact. Votre adresse n’est montrée qu’à celles et ceux dont vous acceptez la demande.
expert-bio = Courte biographie
expert-organisation = Organisation
expert-languages-hint = Leurs codes ISO 639-1, séparés par des virgules : hi, ne, wo…
other-languages = Autres langues
save-expert-profile = Enregistrer mon profil
expert-profile-saved = Votre profil est enregistré : les membres vous trouvent dans l’annuaire.
leave-directory = Quitter l’annuaire
edit-expert-profile = Modifier mon profil
expert-email = Courriel :
contact-title = Entrer en contact
contact-message-label = Votre message à { $name }
contact-hint = Dites qui vous êtes et ce que vous souhaitez demander. Son adresse vous est montrée dès qu’il ou elle accepte.
send-contact-request = Envoyer la demande
contact-pending-sent = Votre demande est envoyée : vous serez averti·e de la réponse.
contact-pending-received = Cette personne souhaite vous contacter : répondez dans vos demandes de contact.
contact-accepted-note = Vous êtes en contact : l’adresse figure sur le profil.
contact-declined-note = Votre dernière demande a été déclinée.
contact-recently-declined = Cette personne a décliné votre dernière demande récemment ; vous pourrez la solliciter à nouveau dans quelques semaines.
contact-already-accepted = Cette personne a déjà accepté votre demande : l’adresse figure sur le profil.
contacts-title = Demandes de contact
contacts-received = Reçues
contacts-sent = Envoyées
no-contact-requests = Aucune demande de contact pour l’instant.
contact-from = De { $name }
contact-to = À { $name }
contact-status-pending = En attente de réponse
contact-status-accepted = Acceptée
contact-status-declined = Déclinée
accept-contact = Accepter
decline-contact = Décliner
err-unknown-region = Choisissez parmi Afrique, Amériques, Asie, Europe et Océanie.
err-yourself = Vous ne pouvez pas vous envoyer une demande de contact.
save-organisation = Enregistrer l’organisation
edit-organisation = Modifier
expert-organisation-hint = Tapez son nom ; les organisations de l’annuaire vous sont proposées, et votre profil y est alors rattaché.
expert-countries = Pays d’expérience
