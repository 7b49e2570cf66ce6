# Pioneer Hub — Spanish (Latin America). Translators: edit the text after "=", keep every { $placeholder } as it is.

app-name = Pioneer Hub
app-tagline = La plataforma de la Alianza Mundial Pionera para poner fin a la violencia contra la niñez
skip-to-content = Ir al contenido principal
language = Idioma
main-nav = Navegación principal
menu = Menú
nav-home = Inicio
nav-countries = Países
nav-users = Usuarios
nav-api-tokens = Tokens de API
signed-in-as = Sesión iniciada como
logout = Cerrar sesión
loading = Cargando…
generic-error = Se produjo un error. Por favor, inténtelo de nuevo.
network-error = No se pudo conectar con el servidor. Verifique su conexión e inténtelo de nuevo.
forbidden = No tiene acceso a esta página.
not-found-title = Página no encontrada
not-found-body = Esta dirección no corresponde a ninguna página.
back-home = Volver a la página de inicio
yes = Sí
no = No
never = Nunca
previous = Anterior
next = Siguiente
page-of = Página { $page } de { $pages }
pagination = Paginación
empty = Todavía no hay nada aquí.
form-has-errors = Por favor, corrija los campos señalados a continuación.

## Login

login-title = Inicio de sesión
email = Correo electrónico
password = Contraseña
sign-in = Iniciar sesión
signing-in = Iniciando sesión…
invalid-credentials = El correo electrónico o la contraseña son incorrectos
rate-limited = { $seconds ->
    [one] Demasiados intentos. Vuelva a intentarlo en { $seconds } segundo.
   *[other] Demasiados intentos. Vuelva a intentarlo en { $seconds } segundos.
}

## Home

welcome = Le damos la bienvenida, { $name }
home-intro = Pioneer Hub reúne a los países y socios de la alianza: hojas de ruta nacionales, informes anuales de progreso y conocimientos compartidos.
role = Rol
country = País
your-spaces = Sus espacios
countries-blurb = Los Estados miembros de la alianza y todos los países de la norma ISO 3166.
users-blurb = Cuentas de los equipos nacionales, los revisores y los socios.
api-tokens-blurb = Tokens para los sistemas nacionales de información y los tableros de control.

## Roles

role-admin = Administrador
role-secretariat = Secretaría
role-reviewer = Revisor del Grupo Central de Apoyo
role-country-focal-point = Punto focal nacional
role-country-contributor = Colaborador nacional
role-partner = Socio

## Countries

countries-title = Países
pioneer-only = Solo países pioneros
countries-count = { $count ->
    [one] { $count } país
   *[other] { $count } países
}
code = Código
name = Nombre
region = Región
pioneer = Pionero
region-africa = África
region-americas = Américas
region-asia = Asia
region-europe = Europa
region-oceania = Oceanía

## Users

users-title = Usuarios
users-count = { $count ->
    [one] { $count } miembro
   *[other] { $count } miembros
}
new-user-title = Agregar un miembro
choose-country = Seleccione un país
password-hint = Al menos 10 caracteres.
create-user = Crear la cuenta
user-created = Cuenta creada para { $name }.
status = Estado
active = Activo
inactive = Inactivo
activate = Activar
deactivate = Desactivar
actions = Acciones
you = (su cuenta)

## Field errors

err-required = Este campo es obligatorio.
err-invalid-format = Este valor no tiene el formato esperado.
err-invalid-email = Ingrese una dirección de correo electrónico válida.
err-password-too-short = La contraseña debe tener al menos 10 caracteres.
err-too-long = Este valor es demasiado largo.
err-not-allowed = No permitido para este rol.
err-email-taken = Ya existe una cuenta con esta dirección de correo electrónico.
err-unknown-country = País desconocido.

## API tokens

api-tokens-title = Tokens de API
api-tokens-intro = Los integradores envían estos tokens en el encabezado “Authorization: Bearer …” para llamar a la API REST desde los sistemas nacionales de información y los tableros de control.
new-token-title = Crear un token
token-name = Nombre
token-name-hint = Para qué sirve el token, por ejemplo, “Tablero de control nacional”.
expires-on = Fecha de vencimiento (opcional)
create-token = Crear el token
token-created = Token “{ $name }” creado
token-shown-once = Copie este token ahora: no se volverá a mostrar.
copy = Copiar
copied = Copiado
dismiss = Ya lo copié
created-on = Fecha de creación
expires = Vencimiento
last-used = Último uso
revoke = Revocar
revoke-named = Revocar el token “{ $name }”
revoke-confirm = ¿Revocar el token “{ $name }”? Los sistemas que lo usan perderán el acceso.

## Roadmaps

nav-roadmaps = Hojas de ruta
nav-review-queue = Cola de revisión
roadmaps-blurb = Hojas de ruta nacionales: prioridades, acciones clave, presupuestos e indicadores.
review-queue-blurb = Hojas de ruta e informes anuales enviados en espera de una decisión, de los más antiguos a los más recientes.
roadmaps-title = Hojas de ruta
roadmaps-count = { $count ->
    [one] { $count } hoja de ruta
   *[other] { $count } hojas de ruta
}
roadmaps-count-one = 1 hoja de ruta
roadmaps-count-shown = { $count ->
    [one] { $count } hoja de ruta; se muestran las { $shown } actualizadas más recientemente: use los filtros para encontrar las demás
   *[other] { $count } hojas de ruta; se muestran las { $shown } actualizadas más recientemente: use los filtros para encontrar las demás
}
all-countries = Todos los países
all-statuses = Todos los estados
status-draft = Borrador
status-submitted = Enviada
status-changes-requested = Cambios solicitados
status-approved = Aprobada
status-superseded = Sustituida
title = Título
period = Período
version = Versión
version-n = Versión { $n }
updated-on = Última actualización
new-roadmap = Nueva hoja de ruta
period-start = Primer año
period-end = Último año
create-roadmap = Crear la hoja de ruta
cancel = Cancelar
summary = Visión y resumen
consultation = Consulta nacional
held-on = Fecha de la consulta
stakeholder-groups = Grupos de partes interesadas que participaron
participants = Número de participantes
sg-government = Gobierno
sg-civil-society = Sociedad civil
sg-faith = Organizaciones basadas en la fe
sg-un = Naciones Unidas
sg-children = Niñas, niños y jóvenes
sg-survivors = Personas sobrevivientes
sg-private = Sector privado
sg-academia = Academia
priorities = Prioridades
priority-named = Prioridad “{ $name }”
description = Descripción
strategies = Estrategias INSPIRE
new-priority-title = Título de una nueva prioridad
add-priority = Agregar la prioridad
actions-heading = Acciones clave
action-named = Acción clave “{ $name }”
new-action-title = Título de una nueva acción clave
add-action = Agregar la acción clave
lead-institution = Institución responsable
partners = Socios (separados por comas)
partners-short = Socios
start-month = Mes de inicio
end-month = Mes de finalización
budget-amount = Presupuesto
currency = Moneda
secured = Monto asegurado
funding-source = Fuente de financiamiento
indicators = Indicadores
indicator-named = Indicador “{ $name }”
sdg-indicator = Indicador de los ODS
national-indicator = Indicador nacional (sin código de los ODS)
unit = Unidad
baseline-value = Valor de línea de base
baseline-year = Año de línea de base
target-value = Valor meta
target-year = Año meta
source = Fuente
new-indicator-name = Nombre de un nuevo indicador
add-indicator = Agregar el indicador
delete = Eliminar
delete-named = Eliminar “{ $name }”
confirm-delete = ¿Eliminar “{ $name }”?
saving = Guardando…
all-saved = Todos los cambios se guardaron
pending-changes = { $count ->
    [one] { $count } cambio pendiente de guardar
   *[other] { $count } cambios pendientes de guardar
}
offline-kept = Sin conexión: sus cambios se conservan en este dispositivo y se enviarán cuando se restablezca la conexión.
retry-now = Reintentar ahora
conflict-title = Otra persona modificó esta hoja de ruta mientras tanto
conflict-intro = Su cambio se hizo sobre una versión anterior. Conserve su valor (se aplicará a la versión actual) o use el valor actual.
field = Campo
your-value = Su valor
current-value = Valor actual
keep-mine = Conservar mi valor
take-theirs = Usar el valor actual
part-gone = Este elemento fue eliminado mientras tanto.
completeness = Lo que falta antes de enviar
ready-to-submit = La hoja de ruta está completa y puede enviarse.
submit = Enviar para revisión
withdraw = Retirar el envío
revise = Iniciar una nueva versión
print = Imprimir
submitted = La hoja de ruta se envió para revisión.
not-editable = Esta hoja de ruta no se puede modificar en su estado actual.
stale-reloaded = La hoja de ruta había cambiado; se muestra la versión actual.
budget-title = Presupuesto
budget-by-strategy = Presupuesto por estrategia INSPIRE ({ $currency })
secured-and-gap = Asegurado y por conseguir ({ $currency })
total = Total
gap = Por conseguir
no-strategy = Sin estrategia
no-budget = Todavía no se ha ingresado ningún presupuesto.
timeline = Cronograma
no-schedule = Todavía no hay ninguna acción clave programada.
not-scheduled = no programada
comments = Comentarios
new-comment = Nuevo comentario
reply = Responder
reply-to = Responder a { $name }
your-reply = Su respuesta
send = Enviar
decision = Su decisión
decision-comment = Comentario para el equipo nacional
decision-hint = Obligatorio si solicita cambios.
approve = Aprobar
request-changes = Solicitar cambios
added = Agregado
removed = Eliminado
changed = Modificado
changes-since-approved = Lo que cambió desde la versión aprobada (versión { $n })
no-changes-since-approved = No ha habido cambios desde la versión aprobada.
value-before = Antes:
value-after = Después:
section-roadmap = Hoja de ruta
section-priority = Prioridad
section-action = Acción clave
section-indicator = Indicador
history = Historial
versions = Versiones
review-queue-title = Cola de revisión
submitted-on = Fecha de envío
queue-empty = No hay ninguna hoja de ruta en espera de revisión.
queue-roadmaps = Hojas de ruta en espera de revisión
queue-reports = Informes en espera de revisión
queue-reports-empty = No hay ningún informe en espera de revisión.
err-outside-period = Fuera del período de la hoja de ruta.
err-before-start = No puede ser anterior al inicio.
err-negative = No puede ser negativo.
err-exceeds-budget = Supera el presupuesto.
err-currency-mismatch = Debe estar en la moneda del presupuesto.
err-invalid-amount = Ingrese un monto con dos decimales como máximo, por ejemplo, 1500.50.
err-invalid-month = Escriba el mes con el formato AAAA-MM.
err-invalid-number = Ingrese un número, por ejemplo, 42.5.
err-out-of-range = Este valor está fuera del rango permitido.
err-before-baseline = El año meta no puede ser anterior al año de línea de base.
err-unknown-currency = Moneda desconocida.

## Informes anuales de progreso

nav-reports = Informes
nav-reporting-cycles = Ciclos de informes
reports-blurb = Los informes anuales de progreso de los países sobre su hoja de ruta.
reporting-cycles-blurb = Abrir los ciclos anuales de informes, seguir quién ha informado y leer la síntesis.
reports-title = Informes anuales de progreso
reports-count = { $count ->
    [one] { $count } informe
   *[other] { $count } informes
}
reports-empty = No hay informes que mostrar.
reports-of-figure = Solo se muestran los informes detrás de una cifra de la síntesis.
show-all-reports = Mostrar todos los informes
year = Año
all-years = Todos los años
deadline = Plazo
on-time = A tiempo
late = Con retraso
overdue = Plazo vencido
status-accepted = Aceptado
status-not-started = Sin empezar
start-report = Empezar el informe { $year }
start-report-hint = El ciclo de informes { $year } está abierto; los informes vencen el { $date }. Su informe parte de su hoja de ruta aprobada y del informe del año pasado.
no-approved-roadmap = Su país necesita una hoja de ruta aprobada para poder informar.
report-exists = Su país ya ha empezado este informe.
cycle-closed-error = Este ciclo de informes está cerrado: sus informes ya no pueden cambiar.
report-title = Informe anual de progreso { $year }
roadmap-version-link = La hoja de ruta sobre la que se informa (versión { $n })
trend-link = Progreso a lo largo de los años
trend = Evolución
report-submitted = El informe se ha enviado para revisión.
report-not-editable = Este informe no se puede modificar en su estado actual.
report-stale-reloaded = El informe había cambiado; se muestra la versión actual.
report-conflict-title = Otra persona ha modificado este informe mientras tanto
accept-report = Aceptar el informe
general-comments = Comentarios sobre el informe
general-comments-hint = Para observaciones sobre todo el informe; cada sección de abajo tiene sus propios comentarios.
action-progress = Avance de las acciones clave
no-actions = La hoja de ruta no tiene ninguna acción clave.
action-status = Estado
action-not-started = Sin empezar
action-on-track = En buen camino
action-delayed = Con retraso
action-completed = Terminada
action-cancelled = Cancelada
progress-percent = Avance (%)
progress-done = { $percent } % realizado
spent = Importe gastado
spent-in = Importe gastado ({ $currency })
budget-of = Presupuesto: { $amount }
no-budget-line = Sin presupuesto en la hoja de ruta
note = Nota
carried-over = Retomado del año pasado
no-indicators = La hoja de ruta no tiene ningún indicador.
latest-value = Último valor
value = Valor
value-year = Año del valor
toward-target = { $percent } % del camino entre la línea de base y la meta
away-from-target = { $percent } % más lejos de la meta que la línea de base
no-progress-data = Todavía no hay datos suficientes para medir el avance hacia la meta.
narrative-heading = En sus propias palabras
achievements = Logros
achievements-hint = Qué cambió para los niños y las niñas este año, y gracias a qué acciones.
challenges = Dificultades
challenges-hint = Qué frenó o entorpeció el trabajo.
lessons-learned = Lecciones aprendidas
lessons-learned-hint = Qué volvería a hacer, o haría de otro modo, y qué podría servir a otros.
children-participation = Participación de niños, niñas y jóvenes
children-participation-hint = Cómo participaron los niños, las niñas y los jóvenes en las acciones y en este informe.
support-requests = Apoyo solicitado a la alianza
no-support-requests = No se ha solicitado apoyo.
support-type = Tipo de apoyo
support-technical = Asistencia técnica
support-financial = Apoyo financiero
support-peer-exchange = Intercambio entre pares
support-capacity-building = Fortalecimiento de capacidades
concerns = A qué se refiere
concerns-nothing = La hoja de ruta en su conjunto
new-support-request = Solicitar apoyo
add-support-request = Añadir la solicitud
happened-accepted = Aceptación
section-report = Informe
section-support-request = Solicitud de apoyo
section-application = Solicitud
section-invitation = Invitación
section-resource = Recurso
err-before-opening = La fecha límite no puede ser anterior a la fecha de apertura.

## Ciclos de informes, seguimiento

cycles-title = Ciclos de informes
cycles-intro = Cada año, los países con una hoja de ruta aprobada informan sobre sus avances. Abra el ciclo, fije sus fechas, siga quién ha informado y ciérrelo cuando hayan llegado los informes.
cycles-empty = Todavía no hay ningún ciclo de informes.
new-cycle = Abrir un ciclo de informes
cycle-year = Año sobre el que se informa
opens-on = Se abre el
due-on = Vence el
open-cycle = Abrir el ciclo
cycle-created = El ciclo de informes { $year } está abierto.
cycle-exists = Ya existe un ciclo de informes para este año.
cycle-n = Ciclo de informes { $year }
cycle-open = Abierto
cycle-closed = Cerrado
close-cycle = Cerrar el ciclo
reopen-cycle = Reabrir el ciclo
save-dates = Guardar las fechas
dates-saved = Las fechas se han guardado.
tracker = Seguimiento
synthesis = Síntesis
tracker-title = Quién ha informado para { $year }
tracker-caption = Países que deben informar y estado de sus informes
tracker-counts = Informes por estado
tracker-empty = Ningún país corresponde a estos filtros.
expected = Esperados
all-regions = Todas las regiones
due-on-date = Los informes vencen el { $date }.
download-csv = Descargar CSV
download-xlsx = Descargar Excel (XLSX)

## Síntesis y evolución

synthesis-title = Síntesis { $year }
include-submitted = Incluir los informes enviados pero aún no aceptados
synthesis-based-on = { $count ->
    [one] A partir de { $count } informe
   *[other] A partir de { $count } informes
}
synthesis-empty = Todavía no se ha aceptado ningún informe de este ciclo.
actions-by-strategy = Acciones clave por estado, por estrategia INSPIRE
actions-by-region = Acciones clave por estado, por región
budget-planned-spent = Presupuesto previsto y gastado, por estrategia INSPIRE ({ $currency })
budget-by-country = Presupuesto previsto y gastado, por país (cada moneda en su propia línea)
planned = Previsto
planned-spent = previsto { $planned }, gastado { $spent }
indicators-on-track = Indicadores en buen camino, por país
indicator-on-track = En buen camino
indicator-off-track = Rezagado
indicator-no-data = Sin datos
support-by-type = Apoyo solicitado, por tipo y país
late-countries = Países que informaron con retraso
no-late = Ningún país informó con retraso.
in-all = { $count } en total
no-data = Todavía no hay nada que mostrar.
unknown-region = Región desconocida
trend-title = Progreso a lo largo de los años
trend-actions = Acciones clave por estado, por ciclo de informes
trend-indicators = Indicadores a lo largo del tiempo
trend-empty = Este país todavía no tiene ningún informe.
trend-desc = Valores por ciclo: { $values }. Línea de base: { $baseline }. Meta: { $target }.
baseline = Línea de base
target = Meta

## Dates
month1 = enero
month2 = febrero
month3 = marzo
month4 = abril
month5 = mayo
month6 = junio
month7 = julio
month8 = agosto
month9 = septiembre
month10 = octubre
month11 = noviembre
month12 = diciembre
date = { $day } de { $month } de { $year }
date-time = { $date }, { $time } UTC

## History
happened-created = Creación
happened-updated = Modificación
happened-deleted = Eliminación
happened-submitted = Envío
happened-withdrawn = Retiro
happened-changes-requested = Solicitud de cambios
happened-approved = Aprobación
happened-superseded = Sustitución por una versión más reciente
happened-revision-started = Inicio como nueva versión
happened-revised = Nueva versión iniciada
happened-declined = Rechazo
happened-archived = Archivo
history-event = { $happened } · { $section }

## Spreadsheet exports (written by the server)
export-sheet = Acciones clave
export-priority = Prioridad
export-strategies = Estrategias INSPIRE
export-action = Acción clave
export-description = Descripción
export-lead-institution = Institución responsable
export-partners = Socios
export-start-month = Mes de inicio
export-end-month = Mes de finalización
export-budget = Presupuesto
export-currency = Moneda
export-secured = Monto asegurado
export-gap = Por conseguir
export-funding-source = Fuente de financiamiento
export-action-id = Identificador de la acción

## Account and two-factor sign-in
nav-account = Mi cuenta
account-title = Mi cuenta
account-name = Nombre
totp-title = Inicio de sesión en dos pasos
totp-intro = Proteja su cuenta con un segundo paso al iniciar sesión: después de su contraseña, un código de 6 dígitos de una aplicación de autenticación en su teléfono (por ejemplo, Aegis, FreeOTP, Google Authenticator o Microsoft Authenticator).
totp-on = Activado.
totp-off = Desactivado.
totp-recovery-left = { $count ->
    [one] Queda { $count } código de recuperación.
   *[other] Quedan { $count } códigos de recuperación.
}
totp-turn-on = Activar el inicio de sesión en dos pasos
totp-setup-title = Configure su aplicación de autenticación
totp-scan = Escanee este código QR con su aplicación de autenticación.
totp-qr-label = Código QR para añadir Pioneer Hub a una aplicación de autenticación
totp-manual-entry = O, si no puede escanearlo, introduzca esta clave manualmente en la aplicación:
totp-confirm-label = Introduzca el código de 6 dígitos que muestra ahora la aplicación
totp-confirm = Confirmar y activar
totp-recovery-title = Sus códigos de recuperación
totp-recovery-warning = Guarde estos códigos en un lugar seguro, fuera de su teléfono (impresos o en un gestor de contraseñas). Si pierde su teléfono, cada código le permite iniciar sesión una vez en lugar de un código de 6 dígitos. Solo se muestran esta vez.
totp-recovery-saved = Ya los he guardado
totp-required-notice = Su rol exige el inicio de sesión en dos pasos. Actívelo para seguir usando Pioneer Hub.
totp-required-cannot-turn-off = Su rol exige el inicio de sesión en dos pasos: no se puede desactivar.
totp-turn-off-title = Desactivar el inicio de sesión en dos pasos
totp-turn-off = Desactivar
totp-code-label = Introduzca el código de 6 dígitos de su aplicación de autenticación (o un código de recuperación)
totp-code-hint = El código cambia cada 30 segundos. Un código de recuperación tiene este aspecto: abcd-efgh-jkmn.
totp-verify = Verificar
totp-back-to-password = Volver al correo electrónico y la contraseña
totp-invalid-code = Este código es incorrecto o ya se ha utilizado. Espere al siguiente código e inténtelo de nuevo.
totp-challenge-expired = El inicio de sesión ha tardado demasiado. Vuelva a introducir su contraseña.
totp-enrolment-required = Su rol exige el inicio de sesión en dos pasos: actívelo primero en su cuenta.

## Membership: joining, invitations, passwords, country teams, outbox
nav-applications = Candidaturas
applications-blurb = Las manifestaciones de interés de los países y sus decisiones.
nav-outbox = Envíos
outbox-blurb = Los correos y recordatorios enviados en segundo plano; reintente los que fallaron.
join-link = ¿Su país desea unirse a la alianza?
forgot-password-link = ¿Olvidó su contraseña?
join-title-page = Unirse a la alianza
join-intro = Un gobierno manifiesta su interés en unirse a la Alianza Mundial Pionera enviando este formulario con la carta firmada por un representante de alto nivel. La secretaría lo examina y responde por correo electrónico.
join-country-section = El país
join-entity = Entidad gubernamental
join-signatory-section = El firmante
join-signatory = Firmante
join-signatory-name = Nombre del firmante
join-signatory-title = Cargo del firmante
join-commitment-section = Compromiso
join-language = Idioma de la candidatura
join-language-hint = El compromiso que figura a continuación está redactado en este idioma, y la secretaría responde en él.
join-commitment = Declaración de compromiso
join-commitment-hint = El texto del anexo I, que el firmante suscribe. Puede adaptarlo.
join-commitment-restore = Restablecer el texto del anexo
join-commitment-party = [Nombre del país – Entidad gubernamental]
join-commitment-text =
    Por la presente, { $party } se adhiere voluntariamente a la Alianza Mundial Pionera para poner fin a la violencia contra la niñez y declara su compromiso de perseguir la misión, los objetivos y los principios de la Alianza Mundial, a fin de apoyar y acelerar los esfuerzos encaminados a poner fin a la violencia contra la niñez de aquí a 2030.

    Reconoce el alarmante aumento del número de niños y niñas que se enfrentan a diversas formas de violencia en el mundo, y observa que, pese a todos los importantes esfuerzos pasados y actuales, el mundo no está en vías de cumplir la Agenda 2030.

    Señala que el mundo debe unirse en torno a enfoques integrados a gran escala, que favorezcan soluciones adaptadas al contexto y respondan a las necesidades específicas, a fin de erradicar la violencia contra la niñez.

    A tal efecto, se convierte en miembro de la Alianza Mundial Pionera para poner fin a la violencia contra la niñez, a fin de apoyar y acelerar los esfuerzos encaminados a eliminar la violencia contra la niñez, reforzando los servicios integrados de protección de la infancia e invirtiendo en ellos.

    Al adherirse, por consiguiente, a la Alianza Mundial Pionera para poner fin a la violencia contra la niñez, se compromete a desplegar todos los esfuerzos posibles, en su ámbito de acción y de conformidad con su mandato, sus capacidades, sus prioridades, sus procedimientos y su marco jurídico, para apoyar la aplicación de instrumentos de política y de programas a nivel nacional, según las necesidades, en particular mediante la promoción del aprendizaje compartido y la movilización de recursos a gran escala.
join-focal-point-section = Punto focal designado
join-focal-point-hint = El alto funcionario o la alta funcionaria que dirigirá el trabajo del país en la alianza. Una vez aceptada la candidatura, recibe en esta dirección una invitación a Pioneer Hub.
join-title = Cargo
join-ministry = Ministerio u organismo
join-letter-section = Carta firmada
join-letter = Carta firmada (PDF)
join-letter-hint = La carta de manifestación de interés firmada por un representante de alto nivel: un PDF de 5 MB como máximo.
join-submit = Enviar la manifestación de interés
join-sending = Enviando…
join-rate-limited = { $minutes ->
    [one] Se han enviado demasiadas candidaturas desde esta conexión. Vuelva a intentarlo dentro de { $minutes } minuto.
   *[other] Se han enviado demasiadas candidaturas desde esta conexión. Vuelva a intentarlo dentro de { $minutes } minutos.
}
join-done-title = Gracias: hemos recibido su manifestación de interés
join-done-reference = Su referencia, que debe citar en cualquier intercambio con la secretaría:
join-done-mailed = Se ha enviado un acuse de recibo por correo electrónico a { $email }.
join-done-next = La secretaría examinará la candidatura y responderá por correo electrónico.
err-not-pdf = La carta debe ser un archivo PDF.
err-letter-too-large = El archivo supera los 5 MB.
err-invalid-characters = Escriba esto en una sola línea, sin caracteres especiales.
err-unknown-language = Elija uno de los idiomas propuestos.
applications-title = Manifestaciones de interés
applications-intro = Las candidaturas enviadas con el formulario «Unirse a la alianza». Aceptar una registra al país como pionero e invita a su punto focal.
applications-empty = Ninguna candidatura con este estado.
application-received = Recibida
application-declined = Rechazada
received-on = Recibida el
application-of = Manifestación de interés: { $country }
application-received-on = Recibida el { $date }
back-to-applications = Todas las candidaturas
reference = Referencia
download-letter = Descargar { $name }
application-decision = Decisión
application-decision-choice = Su decisión
accept-application = Aceptar la candidatura
decline-application = Rechazar la candidatura
decision-message = Mensaje para el solicitante
decision-message-hint = Se envía por correo electrónico con la decisión. Obligatorio si rechaza.
joined-on-optional = Fecha de adhesión (opcional; hoy si se deja vacía)
already-decided = Esta candidatura ya tiene una decisión: vuelva a cargar la página para verla.
invitation-title = Su invitación a Pioneer Hub
invited-as = Ha recibido una invitación como { $role }.
invited-as-for = Ha recibido una invitación como { $role } para { $country }.
invited-by = Invitación de
link-valid-until = Enlace válido hasta
create-your-account = Cree su cuenta
your-name = Su nombre
new-password = Nueva contraseña
confirm-password = Confirme la contraseña
passwords-differ = Las dos contraseñas no coinciden.
accept-invitation = Crear mi cuenta
link-unknown = Este enlace no es válido. Compruebe que lo ha copiado entero desde el correo.
link-used = Este enlace ya se ha utilizado. Inicie sesión con su correo electrónico y su contraseña.
invitation-expired = Esta invitación ha caducado. Pida una nueva a la persona que le invitó o a la secretaría.
invitation-email-taken = Ya existe una cuenta para esta dirección. Inicie sesión con ella.
go-to-sign-in = Ir a la página de inicio de sesión
forgot-password-title = ¿Olvidó su contraseña?
forgot-password-intro = Introduzca la dirección de correo electrónico de su cuenta: le enviaremos un enlace para elegir una nueva contraseña.
send-reset-link = Enviar el enlace
back-to-sign-in = Volver al inicio de sesión
reset-requested = Si existe una cuenta para esta dirección, le hemos enviado un enlace. Es válido durante una hora.
try-again-in-minutes = { $minutes ->
    [one] Demasiadas solicitudes. Vuelva a intentarlo dentro de { $minutes } minuto.
   *[other] Demasiadas solicitudes. Vuelva a intentarlo dentro de { $minutes } minutos.
}
reset-password-title = Elija una nueva contraseña
change-password = Cambiar la contraseña
ask-new-link = Pedir un nuevo enlace
reset-expired = Este enlace ha caducado. Pida uno nuevo.
password-changed = Contraseña cambiada. Ya puede iniciar sesión con su nueva contraseña.
pioneer-country = País pionero
joined-on = Miembro de la alianza desde
focal-points = Puntos focales
no-focal-point = Todavía no hay ningún punto focal.
no-roadmap-yet = Todavía no hay ninguna hoja de ruta que mostrar.
no-report-yet = Todavía no hay ningún informe anual que mostrar.
manage-team = Gestionar el equipo
country-profile = Ficha del país
team-title = Equipo: { $country }
team-intro = Los puntos focales y colaboradores que trabajan en la hoja de ruta y los informes del país. Invite a nuevos miembros, traspase el rol de punto focal o desactive una cuenta.
team-members = Miembros
team-empty = Todavía no hay ningún miembro.
two-factor = Inicio de sesión en dos pasos
make-focal-point = Nombrar punto focal
handover-confirm = ¿Traspasar el rol de punto focal a { $name }?
deactivate-confirm = ¿Desactivar la cuenta de { $name }? Ya no podrá iniciar sesión.
keep-my-role = Seguir siendo punto focal al traspasar el rol
team-conflict = Este cambio no es posible: el equipo ha cambiado entretanto, o el país se quedaría sin punto focal.
pending-invitations = Invitaciones pendientes
no-pending-invitation = Ninguna invitación pendiente.
cancel-invitation = Anular
cancel-invitation-confirm = ¿Anular la invitación enviada a { $email }? Su enlace dejará de funcionar.
invite-title = Invitar a un miembro
mail-language = Idioma del correo de invitación
send-invitation = Enviar la invitación
invitation-sent = Invitación enviada a { $email }.
outbox-title = Envíos
outbox-intro = Los correos y recordatorios se envían en segundo plano y se reintentan automáticamente. Aquí figuran los que fallaron en todos los intentos: corrija la causa y vuelva a intentarlo.
outbox-empty = Ninguna tarea con este estado.
all-kinds = Todos los tipos
job-pending = Pendiente
job-running = En curso
job-done = Terminada
job-failed = Fallida
job-mail = Correo
job-reminder = Recordatorio
job-summary = Asunto
job-kind = Tipo
job-attempts = Intentos
job-last-error = Último error
job-when = Fecha
retry-job = Reintentar
job-retried = De nuevo en cola: { $summary }
remind-countries = Enviar un recordatorio a los países que no han presentado su informe
remind-confirm = ¿Enviar un recordatorio a cada país que no ha presentado su informe de { $year }?
remind-cycle-closed = Este ciclo de informes está cerrado: no se puede enviar ningún recordatorio.
remind-nobody = Todos los países han presentado su informe: no hay nadie a quien recordar.
reminded-count = { $count ->
    [one] Se está enviando un recordatorio a { $count } país:
   *[other] Se está enviando un recordatorio a { $count } países:
}
recipients-count = { $count ->
    [one] { $count } punto focal
   *[other] { $count } puntos focales
}
no-focal-point-account = Ninguna cuenta de punto focal: contacte a este país por otra vía

## Thematic groups
nav-groups = Grupos
groups-blurb = Grupos temáticos: miembros que trabajan juntos en un tema.
groups-title = Grupos temáticos
groups-intro = Los miembros que trabajan en un mismo tema comparten recursos, debates y eventos en su grupo. La secretaría crea los grupos y designa a sus miembros y moderadores.
groups-empty = Todavía no hay ningún grupo temático.
group-member = Miembro
group-moderator = Moderador
group-counts = { $members ->
    [one] { $members } miembro
   *[other] { $members } miembros
}, { $moderators ->
    [one] { $moderators } moderador
   *[other] { $moderators } moderadores
}
new-group-title = Crear un grupo
group-created = Se creó el grupo «{ $name }».
group-name = Nombre del grupo
group-description = Descripción
create-group = Crear el grupo
all-groups = Todos los grupos
group-members = Miembros
group-no-member = Todavía no hay ningún miembro.
remove-from-group = Retirar
remove-from-group-confirm = ¿Retirar a { $name } del grupo? Pierde de inmediato el acceso a su contenido.
group-role-label = Función en el grupo
add-to-group = Añadir al grupo
add-to-group-hint = Indique un miembro de Pioneer Hub por su dirección de correo electrónico. Un miembro que ya está en el grupo cambia de función.
added-to-group = { $name } forma parte del grupo.
err-group-name-taken = Ya existe un grupo con este nombre.
err-unknown-member = Ningún miembro activo de Pioneer Hub tiene esta dirección de correo electrónico.

## Knowledge base
nav-knowledge = Base de conocimientos
knowledge-blurb = Buenas prácticas, evidencia, herramientas y orientaciones que comparte la alianza.
nav-moderation = Moderación
moderation-blurb = Recursos que esperan a un moderador antes de publicarse.
knowledge-title = Base de conocimientos
knowledge-intro = Buenas prácticas, evidencia, herramientas, orientaciones y grabaciones que comparten los países y los socios de la alianza.
knowledge-search-label = Buscar en la base de conocimientos
knowledge-search-hint = Escriba algunas palabras en cualquiera de los cuatro idiomas; los acentos son opcionales.
search-button = Buscar
share-resource = Compartir un recurso
sign-in-to-share = Inicie sesión para compartir un recurso.
browse-knowledge = Explorar la base de conocimientos
search-total = { $count ->
    [one] { $count } recurso encontrado
   *[other] { $count } recursos encontrados
}
search-no-result = Ningún recurso coincide con esta búsqueda. Pruebe con otras palabras o quite un filtro.
search-results = Resultados de la búsqueda
filters = Filtros
clear-filters = Quitar los filtros
facet-kind = Tipo de recurso
facet-strategy = Estrategia INSPIRE
facet-language = Idioma del recurso
latest-resources = Los más recientes
most-viewed-resources = Los más consultados
no-resource-yet = Todavía no se ha publicado ningún recurso.
resource-views = { $count ->
    [one] { $count } consulta
   *[other] { $count } consultas
}
kind-good-practice = Buena práctica
kind-evidence = Evidencia e investigación
kind-tool = Herramienta
kind-guidance = Orientaciones
kind-video = Vídeo
kind-tutorial = Tutorial
kind-case-study = Estudio de caso
kind-webinar-recording = Grabación de seminario web
kind-qa = Preguntas y respuestas
resource-status-pending = En espera de moderación
resource-status-published = Publicado
resource-status-returned = Devuelto a su autor
resource-status-archived = Archivado
visibility-public = Todo el mundo, incluso sin cuenta
visibility-members = Los miembros de Pioneer Hub
visibility-group = Los miembros de un grupo
back-to-knowledge = Volver a la base de conocimientos
resource-by = Por { $name }
resource-published-on = Publicado el { $date }
resource-submitted-on = Enviado el { $date }
resource-for-group = Para los miembros de { $group }
resource-details = Acerca de este recurso
resource-kind = Tipo de recurso
resource-title = Título
resource-summary = Resumen
resource-body = Texto
resource-language = Idioma del recurso
resource-strategies = Estrategias INSPIRE
resource-countries = Países
resource-tags = Etiquetas
resource-links = Enlaces
resource-files = Archivos
resource-group = Grupo
resource-visibility = Quién puede leerlo
resource-author = Autor
download-file = Descargar
download-file-named = Descargar { $name }
edit-resource = Editar
edit-published-hint = Sus cambios pasan a moderación como una propuesta de cambio; esta versión sigue visible hasta que un moderador los publique.
submit-again = Enviar de nuevo
publish-resource = Publicar
return-resource = Devolver al autor
return-comment = Por qué vuelve a su autor
return-comment-hint = El autor lee este comentario en el recurso.
archive-resource = Archivar
archive-confirm = ¿Archivar este recurso? Dejará de mostrarse en la base de conocimientos.
pending-revision-link = Un cambio espera la moderación
revision-of-note = Esta es una propuesta de cambio de un recurso publicado, en espera de moderación.
see-published-version = Ver la versión publicada
resource-published-notice = El recurso está publicado.
resource-returned-notice = El recurso volvió a su autor con su comentario.
resource-archived-notice = El recurso está archivado.
resource-submitted-notice = El recurso vuelve a estar en moderación.
resource-returned-alert = Un moderador devolvió este recurso: lea su comentario, edítelo y envíelo de nuevo.
resource-pending-alert = Este recurso espera a un moderador: solo su autor y los moderadores lo ven.
resource-stale = Alguien modificó este recurso mientras tanto: la página lo muestra ahora tal como está. Revíselo e inténtelo de nuevo.
resource-step-refused = Este paso no es posible en el estado actual del recurso.
resource-not-editable = Este recurso ya no se puede editar.
sign-in-to-read = Este recurso es para los miembros: inicie sesión para leerlo.
new-resource-title = Compartir un recurso
edit-resource-title = Editar el recurso
new-resource-intro = Un moderador lee cada recurso antes de que se publique.
write-tab = Escribir
preview-tab = Vista previa
preview-empty = Todavía no hay nada que previsualizar.
markdown-hint = Markdown: **negrita**, *cursiva*, listas que empiezan con «-», enlaces como [texto](https://…).
tags-hint = Separe las etiquetas con comas.
links-hint = Una dirección por línea, que empiece por https://.
add-country = Añadir un país
choose-one-country = Elija un país…
remove-named = Quitar { $name }
remove-file = Quitar
resource-stale-form = Alguien modificó este recurso mientras tanto. Su texto se conserva: guarde de nuevo para reemplazar su versión por la suya.
choose-group = Elija un grupo…
no-group-to-share = Usted no es miembro de ningún grupo temático.
attach-files = Adjuntar archivos
attached-files = Archivos adjuntos
files-hint = PDF, imágenes, vídeos MP4, Word, Excel, PowerPoint, texto OpenDocument, CSV o texto sin formato; 25 MB como máximo por archivo.
file-waiting = En espera de envío
file-sent = Enviado
upload-progress-label = { $name }: { $percent } %
send-for-moderation = Enviar a moderación
save-resource = Guardar
propose-change = Proponer el cambio
files-not-sent = El recurso está guardado, pero algunos archivos no se enviaron. Quítelos o reemplácelos y guarde de nuevo.
open-resource = Abrir el recurso
err-file-too-large = Este archivo supera los 25 MB.
err-file-type = Este tipo de archivo no se acepta.
err-invalid-url = Un enlace es una dirección que empieza por http:// o https://.
err-unknown-strategy = Estrategia INSPIRE desconocida.
revision-pending-error = Ya hay un cambio de este recurso en espera de moderación: edite ese cambio.
err-file-truncated = El archivo llegó incompleto: envíelo de nuevo.
err-too-many = Demasiados valores.
moderation-title = Moderación
moderation-intro = Los recursos que esperan a un moderador, los más antiguos primero. Abra uno para publicarlo, devolverlo a su autor con un comentario o archivarlo.
moderation-empty = Nada que moderar.
moderation-queue = Recursos en espera de moderación
revision-badge = Cambio de un recurso publicado

## Discussions
nav-discussions = Debates
discussions-blurb = Pregunte a los demás miembros, comparta lo que funcionó y siga las respuestas.
discussions-title = Debates
discussions-intro = El foro general está abierto a todos los miembros de Pioneer Hub. Cada grupo temático tiene además sus propios debates, en la página del grupo.
general-forum = Foro general
discussions-empty = Aún no hay debates: inicie el primero.
group-discussions = Debates del grupo
group-discussions-intro = Solo los miembros del grupo los leen y participan.
discussion-started = Iniciado por { $author } el { $date }
discussion-posts = { $count ->
    [one] { $count } mensaje
   *[other] { $count } mensajes
}
discussion-last-post = último mensaje el { $date }
discussion-answered = Resuelto
discussion-following = Siguiendo
new-discussion-title = Iniciar un debate
discussion-title-label = Título
discussion-body-label = Su pregunta o tema
start-discussion = Iniciar el debate
all-discussions = Todos los debates
back-to-group = Volver al grupo
discussion-in-group = En el grupo { $group }
follow-discussion = Seguir este debate
unfollow-discussion = Dejar de seguir
following-hint = Recibe un aviso de los nuevos mensajes de este debate.
not-following-hint = Sígalo para recibir un aviso de los nuevos mensajes.
post-edited = editado el { $date }
opening-post-label = Pregunta
replies-title = { $count ->
    [0] Aún no hay respuestas
    [one] { $count } respuesta
   *[other] { $count } respuestas
}
in-reply-to = En respuesta a { $name }
send-reply = Enviar la respuesta
edit-post = Editar
edit-post-label = Su mensaje
save-post = Guardar
accept-answer = Aceptar esta respuesta
accepted-answer = Respuesta aceptada
go-to-accepted-answer = Ir a la respuesta aceptada
reply-posted = Su respuesta está publicada.
answer-accepted = Esta respuesta es ahora la respuesta aceptada.

## Notifications
notifications-title = Notificaciones
notifications-intro = Lo que le concierne: respuestas en los debates que sigue, menciones, respuestas aceptadas, grupos a los que se une y decisiones de moderación.
notifications-bell = { $count ->
    [0] Notificaciones
    [one] Notificaciones, { $count } sin leer
   *[other] Notificaciones, { $count } sin leer
}
notifications-empty = No hay notificaciones.
notifications-none-unread = No hay nada sin leer.
mark-read = Marcar como leída
unread-only = Solo las no leídas
mark-all-read = Marcar todo como leído
notification-unread = Sin leer
all-read-notice = Todo está marcado como leído.

# Events
nav-events = Eventos
events-blurb = Seminarios web, formaciones y talleres: inscríbase y añádalos a su calendario.
event-kind-webinar = Seminario web
event-kind-training = Formación
event-kind-regional-workshop = Taller regional
event-kind-peer-exchange = Intercambio entre pares
event-kind-consultation = Consulta
event-kind-conference = Conferencia
registration-registered = Está inscrito/a
registration-waitlisted = En la lista de espera
registration-cancelled = Cancelada
registration-waitlisted-at = Lista de espera: n.º { $position }
event-full = { $waiting ->
    [0] Completo
   *[other] Completo — { $waiting } en lista de espera
}
event-places-left = Quedan { $left } de { $capacity } plazas
event-registered-count = { $count } inscritos
events-empty = Todavía no hay eventos aquí.
events-title = Eventos
organise-event = Organizar un evento
events-intro = Seminarios web, formaciones, talleres regionales, intercambios entre pares y consultas de la alianza y sus grupos temáticos.
events-times-in = Las horas se muestran en su zona horaria ({ $zone }).
events-when = Qué eventos
events-upcoming = Próximos
events-past = Pasados
event-kind-label = Tipo
download-my-calendar = Descargar mi calendario (.ics)
group-events = Eventos
group-resources = Recursos del grupo
group-resources-intro = Solo para los miembros del grupo; también se encuentran en la base de conocimientos.
no-group-resource = Todavía no se ha compartido ningún recurso con el grupo.
all-group-resources = Los { $count } recursos del grupo
share-with-group = Compartir un recurso con el grupo
organise-group-event = Organizar un evento para este grupo
all-events = Todos los eventos
registered-notice = Está inscrito/a. El enlace para participar está abajo.
waitlisted-notice = El evento está completo: está en la lista de espera y se le avisará si se libera una plaza.
cancelled-notice = Su inscripción está cancelada.
event-organiser-time = Para el organizador: { $time } ({ $zone })
cancel-registration = Cancelar mi inscripción
join-waitlist = Unirse a la lista de espera
register-for-event = Inscribirse
registration-closed-note = La inscripción se cerró al comenzar el evento.
event-interpretation = { $languages }, con interpretación al { $interpreted }
event-languages = Idiomas
event-online = En línea
event-link-for-registered = El enlace se muestra a quienes tienen plaza.
event-location = Lugar
event-group = Grupo temático
event-recording = Ver la grabación
edit-event = Editar el evento
event-places = Plazas
event-organiser = Organizador
add-to-calendar = Añadir a mi calendario (.ics)
no-attendees = Nadie se ha inscrito todavía.
attendees = Participantes
registration-status-label = Inscripción
open-group = Abrir el grupo
event-title-label = Título
event-timezone-label = Zona horaria del organizador
event-starts-label = Comienza
event-local-time-hint = En la zona del organizador; cada miembro lo ve en la suya.
event-ends-label = Termina
event-online-url-label = Enlace para participar en línea
event-location-label = Lugar (para la participación presencial)
event-capacity-label = Plazas
event-capacity-hint = Déjelo vacío para no limitar.
event-languages-label = Idiomas del evento
event-languages-hint = Códigos de idioma, separados por comas: en, fr, es, pt, sw…
event-interpretation-label = Interpretación al
event-description-label = Descripción
event-recording-label = Grabación en la base de conocimientos
event-recording-hint = Pegue la dirección del recurso una vez celebrado el evento.
save-event = Guardar el evento
event-for-label = Para
event-for-everyone = Todos los miembros de la alianza

# Joining a group
join-request-waiting = Pidió unirse a este grupo: un moderador le responderá pronto.
join-group-title = Unirse a este grupo
join-group-intro = Sus miembros comparten recursos, debates y eventos sobre su tema. Un moderador responde a su solicitud.
join-message-label = Unas palabras para los moderadores (opcional)
ask-to-join = Pedir unirse
join-asked-on = Solicitado el { $date }
approve-request = Aceptar
decline-request = Rechazar
join-requests-title = Solicitudes para unirse

happened-comment-removed = Retirada de un comentario

# Daily digest
digest-title = Resumen por correo
digest-label = Enviarme cada día un correo con las notificaciones no leídas
digest-hint = Sale una vez al día, por la mañana (06:00 UTC), solo si hay novedades.
digest-saved = Guardado.

# Comments: editing and removal
comment-edited = editado
comment-removed-note = Este comentario fue retirado.
edit-comment = Editar
remove-comment = Retirar
remove-comment-confirm = ¿Retirar este comentario? Su texto desaparecerá para todos.

# Experts and partner organisations
nav-experts = Expertos
experts-blurb = Encuentre a la persona experta o la organización aliada que ya lo hizo, y pídale ponerse en contacto.
directory-nav = Directorio
experts-title = Expertos
experts-intro = Miembros que comparten lo que saben: busque por palabras, estrategia, idioma, país o región.
experts-total = { $count ->
    [one] Una persona experta
   *[other] { $count } personas expertas
}
all-experts = Todas las personas expertas
organisations-title = Organizaciones aliadas
organisations-intro = Agencias de la ONU, sociedad civil, organizaciones confesionales y de sobrevivientes, redes de niñez y juventud, academia y sector privado.
organisations-total = { $count ->
    [one] Una organización
   *[other] { $count } organizaciones
}
organisation-experts = { $count ->
    [one] Su persona experta en el directorio
   *[other] Sus { $count } personas expertas en el directorio
}
add-organisation = Añadir una organización
organisation-kind = Tipo de organización
organisation-description = Descripción
organisation-website = Sitio web
org-kind-un-agency = Agencia de la ONU
org-kind-civil-society = Sociedad civil
org-kind-faith-based = Organización confesional
org-kind-survivor-led = Organización de sobrevivientes
org-kind-children-youth-led = Red de niñez y juventud
org-kind-academia = Academia
org-kind-private-sector = Sector privado
directory-language = Idiomas
any-value = Todos
directory-search-label = Buscar en el directorio
my-expert-profile = Mi perfil de experto/a
my-expert-profile-intro = Cuente lo que sabe y dónde ha trabajado: los miembros le encuentran en el directorio y pueden pedirle ponerse en contacto. Su dirección solo se muestra a quienes acepte.
expert-bio = Biografía breve
expert-organisation = Organización
expert-languages-hint = Sus códigos ISO 639-1, separados por comas: hi, ne, wo…
other-languages = Otros idiomas
save-expert-profile = Guardar mi perfil
expert-profile-saved = Su perfil está guardado: los miembros le encuentran en el directorio.
leave-directory = Salir del directorio
edit-expert-profile = Editar mi perfil
expert-email = Correo:
contact-title = Ponerse en contacto
contact-message-label = Su mensaje para { $name }
contact-hint = Diga quién es y qué desea preguntar. Su dirección se le muestra en cuanto acepte.
send-contact-request = Enviar la solicitud
contact-pending-sent = Su solicitud fue enviada: se le avisará cuando respondan.
contact-pending-received = Esta persona desea contactarle: responda en sus solicitudes de contacto.
contact-accepted-note = Están en contacto: la dirección figura en el perfil.
contact-declined-note = Su última solicitud fue rechazada.
contact-recently-declined = Esta persona rechazó su última solicitud hace poco; podrá volver a pedirlo en unas semanas.
contact-already-accepted = Esta persona ya aceptó su solicitud: la dirección figura en el perfil.
contacts-title = Solicitudes de contacto
contacts-received = Recibidas
contacts-sent = Enviadas
no-contact-requests = Aún no hay solicitudes de contacto.
contact-from = De { $name }
contact-to = Para { $name }
contact-status-pending = Esperando respuesta
contact-status-accepted = Aceptada
contact-status-declined = Rechazada
accept-contact = Aceptar
decline-contact = Rechazar
err-unknown-region = Elija entre África, Américas, Asia, Europa y Oceanía.
err-yourself = No puede enviarse una solicitud de contacto a sí mismo/a.
save-organisation = Guardar la organización
edit-organisation = Editar
expert-organisation-hint = Escriba su nombre; se le proponen las organizaciones del directorio, y su perfil queda vinculado a ella.
expert-countries = Países de experiencia
