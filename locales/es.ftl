# Pioneer Hub — Spanish (Latin America). Translators: edit the text after "=", keep every { $placeholder } as it is.

app-name = Pioneer Hub
app-tagline = La plataforma de la Alianza Mundial Pionera para poner fin a la violencia contra la niñez
skip-to-content = Ir al contenido principal
language = Idioma
main-nav = Navegación principal
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
