# Pioneer Hub — French. Translators: edit the text after "=", keep every { $placeholder } as it is.

app-name = Pioneer Hub
app-tagline = La plateforme de l’Alliance mondiale pionnière pour mettre fin à la violence envers les enfants
skip-to-content = Aller au contenu principal
language = Langue
main-nav = Navigation principale
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
