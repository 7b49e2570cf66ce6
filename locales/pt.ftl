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
review-queue-blurb = Roteiros submetidos que aguardam uma decisão, dos mais antigos para os mais recentes.
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
