# Pioneer Hub — Portuguese. Translators: edit the text after "=", keep every { $placeholder } as it is.

app-name = Pioneer Hub
app-tagline = A plataforma da Aliança Global Pioneira para acabar com a violência contra crianças
skip-to-content = Ir para o conteúdo principal
language = Idioma
main-nav = Navegação principal
nav-home = Início
nav-countries = Países
nav-users = Usuários
nav-api-tokens = Tokens de API
signed-in-as = Sessão iniciada como
logout = Sair
loading = Carregando…
generic-error = Ocorreu um erro. Por favor, tente novamente.
network-error = Não foi possível comunicar com o servidor. Verifique a sua conexão e tente novamente.
forbidden = Não tem acesso a esta página.
not-found-title = Página não encontrada
not-found-body = Este endereço não corresponde a nenhuma página.
back-home = Voltar à página inicial
yes = Sim
no = Não
never = Nunca
previous = Anterior
next = Seguinte
page-of = Página { $page } de { $pages }
pagination = Paginação
empty = Ainda não há nada aqui.
form-has-errors = Por favor, corrija os campos indicados abaixo.

## Login

login-title = Início de sessão
email = E-mail
password = Senha
sign-in = Entrar
signing-in = Entrando…
invalid-credentials = E-mail ou senha incorretos
rate-limited = { $seconds ->
    [one] Muitas tentativas. Tente novamente dentro de { $seconds } segundo.
   *[other] Muitas tentativas. Tente novamente dentro de { $seconds } segundos.
}

## Home

welcome = Boas-vindas, { $name }
home-intro = O Pioneer Hub reúne os países e os parceiros da aliança: roteiros nacionais, relatórios anuais de progresso e conhecimentos compartilhados.
role = Função
country = País
your-spaces = Os seus espaços
countries-blurb = Os Estados-membros da aliança e todos os países da norma ISO 3166.
users-blurb = Contas das equipes nacionais, dos revisores e dos parceiros.
api-tokens-blurb = Tokens para os sistemas nacionais de informação e os painéis de indicadores.

## Roles

role-admin = Administrador
role-secretariat = Secretariado
role-reviewer = Revisor do Grupo Central de Apoio
role-country-focal-point = Ponto focal nacional
role-country-contributor = Colaborador nacional
role-partner = Parceiro

## Countries

countries-title = Países
pioneer-only = Apenas países pioneiros
countries-count = { $count ->
    [one] { $count } país
   *[other] { $count } países
}
code = Código
name = Nome
region = Região
pioneer = Pioneiro
region-africa = África
region-americas = Américas
region-asia = Ásia
region-europe = Europa
region-oceania = Oceania

## Users

users-title = Usuários
users-count = { $count ->
    [one] { $count } membro
   *[other] { $count } membros
}
new-user-title = Adicionar um membro
choose-country = Selecione um país
password-hint = Pelo menos 10 caracteres.
create-user = Criar a conta
user-created = Conta criada para { $name }.
status = Estado
active = Ativo
inactive = Inativo
activate = Ativar
deactivate = Desativar
actions = Ações
you = (a sua conta)

## Field errors

err-required = Este campo é obrigatório.
err-invalid-format = Este valor não está no formato esperado.
err-invalid-email = Insira um endereço de e-mail válido.
err-password-too-short = A senha deve ter pelo menos 10 caracteres.
err-too-long = Este valor é muito longo.
err-not-allowed = Não permitido para esta função.
err-email-taken = Já existe uma conta com este endereço de e-mail.
err-unknown-country = País desconhecido.

## API tokens

api-tokens-title = Tokens de API
api-tokens-intro = Os integradores enviam estes tokens no cabeçalho “Authorization: Bearer …” para chamar a API REST a partir dos sistemas nacionais de informação e dos painéis de indicadores.
new-token-title = Criar um token
token-name = Nome
token-name-hint = Para que serve o token, por exemplo, “Painel nacional”.
expires-on = Data de expiração (opcional)
create-token = Criar o token
token-created = Token “{ $name }” criado
token-shown-once = Copie este token agora: ele não voltará a ser mostrado.
copy = Copiar
copied = Copiado
dismiss = Já copiei
created-on = Data de criação
expires = Expiração
last-used = Último uso
revoke = Revogar
revoke-named = Revogar o token “{ $name }”
revoke-confirm = Revogar o token “{ $name }”? Os sistemas que o utilizam perderão o acesso.

## Roadmaps

nav-roadmaps = Roteiros
nav-review-queue = Fila de revisão
roadmaps-blurb = Roteiros nacionais: prioridades, ações-chave, orçamentos e indicadores.
review-queue-blurb = Roteiros e relatórios anuais submetidos que aguardam uma decisão, dos mais antigos para os mais recentes.
roadmaps-title = Roteiros
roadmaps-count = { $count ->
    [one] { $count } roteiro
   *[other] { $count } roteiros
}
roadmaps-count-one = 1 roteiro
roadmaps-count-shown = { $count ->
    [one] { $count } roteiro; são mostrados os { $shown } atualizados mais recentemente: use os filtros para encontrar os restantes
   *[other] { $count } roteiros; são mostrados os { $shown } atualizados mais recentemente: use os filtros para encontrar os restantes
}
all-countries = Todos os países
all-statuses = Todos os estados
status-draft = Rascunho
status-submitted = Submetido
status-changes-requested = Alterações solicitadas
status-approved = Aprovado
status-superseded = Substituído
title = Título
period = Período
version = Versão
version-n = Versão { $n }
updated-on = Última atualização
new-roadmap = Novo roteiro
period-start = Primeiro ano
period-end = Último ano
create-roadmap = Criar o roteiro
cancel = Cancelar
summary = Visão e resumo
consultation = Consulta nacional
held-on = Data da consulta
stakeholder-groups = Grupos de partes interessadas que participaram
participants = Número de participantes
sg-government = Governo
sg-civil-society = Sociedade civil
sg-faith = Organizações religiosas
sg-un = Nações Unidas
sg-children = Crianças e jovens
sg-survivors = Pessoas sobreviventes
sg-private = Setor privado
sg-academia = Meio universitário
priorities = Prioridades
priority-named = Prioridade “{ $name }”
description = Descrição
strategies = Estratégias INSPIRE
new-priority-title = Título de uma nova prioridade
add-priority = Adicionar a prioridade
actions-heading = Ações-chave
action-named = Ação-chave “{ $name }”
new-action-title = Título de uma nova ação-chave
add-action = Adicionar a ação-chave
lead-institution = Instituição responsável
partners = Parceiros (separados por vírgulas)
partners-short = Parceiros
start-month = Mês de início
end-month = Mês de conclusão
budget-amount = Orçamento
currency = Moeda
secured = Valor garantido
funding-source = Fonte de financiamento
indicators = Indicadores
indicator-named = Indicador “{ $name }”
sdg-indicator = Indicador dos ODS
national-indicator = Indicador nacional (sem código dos ODS)
unit = Unidade
baseline-value = Valor da linha de base
baseline-year = Ano da linha de base
target-value = Valor da meta
target-year = Ano da meta
source = Fonte
new-indicator-name = Nome de um novo indicador
add-indicator = Adicionar o indicador
delete = Eliminar
delete-named = Eliminar “{ $name }”
confirm-delete = Eliminar “{ $name }”?
saving = Salvando…
all-saved = Todas as alterações foram salvas
pending-changes = { $count ->
    [one] { $count } alteração ainda não salva
   *[other] { $count } alterações ainda não salvas
}
offline-kept = Sem conexão: as suas alterações ficam guardadas neste dispositivo e serão enviadas quando a conexão for restabelecida.
retry-now = Tentar novamente agora
conflict-title = Outra pessoa alterou este roteiro nesse meio-tempo
conflict-intro = A sua alteração foi feita sobre uma versão anterior. Mantenha o seu valor (ele será aplicado à versão atual) ou use o valor atual.
field = Campo
your-value = O seu valor
current-value = Valor atual
keep-mine = Manter o meu valor
take-theirs = Usar o valor atual
part-gone = Este elemento foi eliminado nesse meio-tempo.
completeness = O que falta antes de submeter
ready-to-submit = O roteiro está completo e pode ser submetido.
submit = Submeter para revisão
withdraw = Retirar a submissão
revise = Iniciar uma nova versão
print = Imprimir
submitted = O roteiro foi submetido para revisão.
not-editable = Este roteiro não pode ser editado no seu estado atual.
stale-reloaded = O roteiro tinha sido alterado; é mostrada a versão atual.
budget-title = Orçamento
budget-by-strategy = Orçamento por estratégia INSPIRE ({ $currency })
secured-and-gap = Garantido e ainda por obter ({ $currency })
total = Total
gap = Ainda por obter
no-strategy = Sem estratégia
no-budget = Ainda não foi inserido nenhum orçamento.
timeline = Cronograma
no-schedule = Ainda não há nenhuma ação-chave programada.
not-scheduled = não programada
comments = Comentários
new-comment = Novo comentário
reply = Responder
reply-to = Responder a { $name }
your-reply = A sua resposta
send = Enviar
decision = A sua decisão
decision-comment = Comentário para a equipe nacional
decision-hint = Obrigatório se solicitar alterações.
approve = Aprovar
request-changes = Solicitar alterações
added = Adicionado
removed = Removido
changed = Alterado
changes-since-approved = O que mudou desde a versão aprovada (versão { $n })
no-changes-since-approved = Nada mudou desde a versão aprovada.
value-before = Antes:
value-after = Depois:
section-roadmap = Roteiro
section-priority = Prioridade
section-action = Ação-chave
section-indicator = Indicador
history = Histórico
versions = Versões
review-queue-title = Fila de revisão
submitted-on = Data de submissão
queue-empty = Nenhum roteiro aguarda revisão.
queue-roadmaps = Roteiros aguardando revisão
queue-reports = Relatórios aguardando revisão
queue-reports-empty = Nenhum relatório aguarda revisão.
err-outside-period = Fora do período do roteiro.
err-before-start = Não pode ser anterior ao início.
err-negative = Não pode ser negativo.
err-exceeds-budget = Excede o orçamento.
err-currency-mismatch = Deve estar na moeda do orçamento.
err-invalid-amount = Insira um valor com, no máximo, duas casas decimais, por exemplo, 1500.50.
err-invalid-month = Escreva o mês no formato AAAA-MM.
err-invalid-number = Insira um número, por exemplo, 42.5.
err-out-of-range = Este valor está fora do intervalo permitido.
err-before-baseline = O ano da meta não pode ser anterior ao ano da linha de base.
err-unknown-currency = Moeda desconhecida.

## Relatórios anuais de progresso

nav-reports = Relatórios
nav-reporting-cycles = Ciclos de relatórios
reports-blurb = Os relatórios anuais de progresso dos países sobre os seus roteiros.
reporting-cycles-blurb = Abrir os ciclos anuais de relatórios, acompanhar quem já reportou e ler a síntese.
reports-title = Relatórios anuais de progresso
reports-count = { $count ->
    [one] { $count } relatório
   *[other] { $count } relatórios
}
reports-empty = Nenhum relatório a mostrar.
reports-of-figure = São mostrados apenas os relatórios por trás de um número da síntese.
show-all-reports = Mostrar todos os relatórios
year = Ano
all-years = Todos os anos
deadline = Prazo
on-time = No prazo
late = Atrasado
overdue = Prazo vencido
status-accepted = Aceito
status-not-started = Não iniciado
start-report = Iniciar o relatório de { $year }
start-report-hint = O ciclo de relatórios de { $year } está aberto; os relatórios devem ser entregues até { $date }. O seu relatório parte do seu roteiro aprovado e do relatório do ano passado.
no-approved-roadmap = O seu país precisa de um roteiro aprovado antes de poder reportar.
report-exists = O seu país já iniciou este relatório.
cycle-closed-error = Este ciclo de relatórios está encerrado: os seus relatórios já não podem ser alterados.
report-title = Relatório anual de progresso { $year }
roadmap-version-link = O roteiro sobre o qual se reporta (versão { $n })
trend-link = Progresso ao longo dos anos
trend = Evolução
report-submitted = O relatório foi submetido para revisão.
report-not-editable = Este relatório não pode ser alterado na sua situação atual.
report-stale-reloaded = O relatório tinha mudado; é mostrada a versão atual.
report-conflict-title = Outra pessoa alterou este relatório entretanto
accept-report = Aceitar o relatório
general-comments = Comentários sobre o relatório
general-comments-hint = Para observações sobre o relatório como um todo; cada seção abaixo tem os seus próprios comentários.
action-progress = Andamento das ações-chave
no-actions = O roteiro não tem nenhuma ação-chave.
action-status = Situação
action-not-started = Não iniciada
action-on-track = No caminho certo
action-delayed = Atrasada
action-completed = Concluída
action-cancelled = Cancelada
progress-percent = Andamento (%)
progress-done = { $percent } % realizado
spent = Valor gasto
spent-in = Valor gasto ({ $currency })
budget-of = Orçamento: { $amount }
no-budget-line = Sem orçamento no roteiro
note = Observação
carried-over = Retomado do ano passado
no-indicators = O roteiro não tem nenhum indicador.
latest-value = Último valor
value = Valor
value-year = Ano do valor
toward-target = { $percent } % do caminho entre a linha de base e a meta
away-from-target = { $percent } % mais longe da meta do que a linha de base
no-progress-data = Ainda não há dados suficientes para medir o progresso em direção à meta.
narrative-heading = Nas suas próprias palavras
achievements = Conquistas
achievements-hint = O que mudou para as crianças este ano, e graças a que ações.
challenges = Desafios
challenges-hint = O que atrasou ou dificultou o trabalho.
lessons-learned = Lições aprendidas
lessons-learned-hint = O que faria de novo, ou de outra forma, e o que poderia servir a outros.
children-participation = Participação de crianças e jovens
children-participation-hint = Como as crianças e os jovens participaram nas ações e neste relatório.
support-requests = Apoio solicitado à aliança
no-support-requests = Nenhum apoio solicitado.
support-type = Tipo de apoio
support-technical = Assistência técnica
support-financial = Apoio financeiro
support-peer-exchange = Intercâmbio entre pares
support-capacity-building = Desenvolvimento de capacidades
concerns = A que se refere
concerns-nothing = O roteiro como um todo
new-support-request = Solicitar apoio
add-support-request = Adicionar a solicitação
happened-accepted = Aceitação
section-report = Relatório
section-support-request = Solicitação de apoio
err-before-opening = O prazo não pode ser anterior à data de abertura.

## Ciclos de relatórios, acompanhamento

cycles-title = Ciclos de relatórios
cycles-intro = Todos os anos, os países com um roteiro aprovado relatam os seus progressos. Abra o ciclo, defina as suas datas, acompanhe quem já reportou e encerre-o quando os relatórios tiverem chegado.
cycles-empty = Ainda não há nenhum ciclo de relatórios.
new-cycle = Abrir um ciclo de relatórios
cycle-year = Ano de referência
opens-on = Abre em
due-on = Prazo em
open-cycle = Abrir o ciclo
cycle-created = O ciclo de relatórios de { $year } está aberto.
cycle-exists = Já existe um ciclo de relatórios para este ano.
cycle-n = Ciclo de relatórios { $year }
cycle-open = Aberto
cycle-closed = Encerrado
close-cycle = Encerrar o ciclo
reopen-cycle = Reabrir o ciclo
save-dates = Salvar as datas
dates-saved = As datas foram salvas.
tracker = Acompanhamento
synthesis = Síntese
tracker-title = Quem reportou para { $year }
tracker-caption = Países que devem reportar e situação dos seus relatórios
tracker-counts = Relatórios por situação
tracker-empty = Nenhum país corresponde a estes filtros.
expected = Esperados
all-regions = Todas as regiões
due-on-date = Os relatórios devem ser entregues até { $date }.
download-csv = Baixar CSV
download-xlsx = Baixar Excel (XLSX)

## Síntese e evolução

synthesis-title = Síntese { $year }
include-submitted = Incluir os relatórios submetidos mas ainda não aceitos
synthesis-based-on = { $count ->
    [one] Com base em { $count } relatório
   *[other] Com base em { $count } relatórios
}
synthesis-empty = Ainda não foi aceito nenhum relatório deste ciclo.
actions-by-strategy = Ações-chave por situação, por estratégia INSPIRE
actions-by-region = Ações-chave por situação, por região
budget-planned-spent = Orçamento previsto e gasto, por estratégia INSPIRE ({ $currency })
budget-by-country = Orçamento previsto e gasto, por país (cada moeda na sua própria linha)
planned = Previsto
planned-spent = previsto { $planned }, gasto { $spent }
indicators-on-track = Indicadores no caminho certo, por país
indicator-on-track = No caminho certo
indicator-off-track = Fora do caminho
indicator-no-data = Sem dados
support-by-type = Apoio solicitado, por tipo e por país
late-countries = Países que reportaram com atraso
no-late = Nenhum país reportou com atraso.
in-all = { $count } no total
no-data = Ainda não há nada a mostrar.
unknown-region = Região desconhecida
trend-title = Progresso ao longo dos anos
trend-actions = Ações-chave por situação, por ciclo de relatórios
trend-indicators = Indicadores ao longo do tempo
trend-empty = Este país ainda não tem nenhum relatório.
trend-desc = Valores por ciclo: { $values }. Linha de base: { $baseline }. Meta: { $target }.
baseline = Linha de base
target = Meta

## Dates
month1 = janeiro
month2 = fevereiro
month3 = março
month4 = abril
month5 = maio
month6 = junho
month7 = julho
month8 = agosto
month9 = setembro
month10 = outubro
month11 = novembro
month12 = dezembro
date = { $day } de { $month } de { $year }
date-time = { $date }, às { $time } UTC

## History
happened-created = Criação
happened-updated = Alteração
happened-deleted = Exclusão
happened-submitted = Envio
happened-withdrawn = Retirada
happened-changes-requested = Pedido de alterações
happened-approved = Aprovação
happened-superseded = Substituição por uma versão mais recente
happened-revision-started = Início como nova versão
happened-revised = Nova versão iniciada
history-event = { $happened } · { $section }

## Spreadsheet exports (written by the server)
export-sheet = Ações-chave
export-priority = Prioridade
export-strategies = Estratégias INSPIRE
export-action = Ação-chave
export-description = Descrição
export-lead-institution = Instituição responsável
export-partners = Parceiros
export-start-month = Mês de início
export-end-month = Mês de conclusão
export-budget = Orçamento
export-currency = Moeda
export-secured = Valor garantido
export-gap = Ainda por obter
export-funding-source = Fonte de financiamento
export-action-id = Identificador da ação
