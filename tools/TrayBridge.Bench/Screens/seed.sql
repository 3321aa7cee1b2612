-- Screens at scale: {n} orders (mirrored, sales orders, 60% invoiced with a note) and {p} products of tenant {tenant},
-- copies of the template rows the API made for tenant {template_tenant} (one of each kind), with the fields lists filter,
-- count or sort on varied. Placeholders in braces are replaced by the bench (its own values, never input).
create temp table if not exists screens_people on commit drop as
select i, name, lower(translate(name, 'ÁÀÂÃÄÅáàâãäåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÕÖóòôõöÚÙÛÜúùûüÇçÑñÝýÿ',
                                      'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuCcNnYyy')) as folded,
       timestamptz '2026-12-06 12:00-03' - ({n} - i)::float8 / {n} * interval '400 days' + (i % 600) * interval '1 minute' as at
from (select i, (array['João','José','Maria','Ana','Antônio','Francisco','Carlos','Paulo','Pedro','Lucas','Luíza','Márcia',
                        'Fábio','Cláudia','Sérgio','Tânia','Vinícius','Letícia','Inês','Raí'])[1 + i % 20]
          || ' ' || (array['Silva','Santos','Oliveira','Souza','Rodrigues','Ferreira','Alves','Pereira','Lima','Gomes',
                          'Conceição','Araújo','Gonçalves','Simões','Magalhães','Brandão','Assunção','Falcão','Guimarães',
                          'Patrício','Nóbrega','Cortês','Damião','Estêvão','Romão'])[1 + (i / 20) % 25]
          || ' ' || (array['Barros','Teixeira','Moraes','Cardoso','Rocha','Dias','Nascimento','Andrade','Moreira','Nunes',
                          'Marques','Machado','Mendes','Freitas','Vieira','Monteiro','Mendonça','Castro','Campos','Pinto',
                          'Aragão','Sá','Leão','Frazão','Valadão'])[1 + (i / 500) % 25] as name
      from generate_series(1, {n}) i) n;

-- table: tray_connector.mt_doc_mirroredorder
select '{tenant}' as tenant_id, '{store}:' || (2000000 + p.i) as id, t.data || jsonb_build_object(
         'Id', '{store}:' || (2000000 + p.i), 'StoreId', '{store}', 'TrayOrderId', 2000000 + p.i,
         'PlacedDay', to_char(p.at at time zone 'America/Sao_Paulo', 'YYYYMMDD')::int,
         'PlacedAt', to_char(p.at at time zone 'America/Sao_Paulo', 'YYYY-MM-DD"T"HH24:MI:SS"-03:00"'),
         'CustomerName', p.name, 'CustomerSearch', p.folded,
         'Status', (array['A ENVIAR','ENVIADO','FINALIZADO','CANCELADO','AGUARDANDO PAGAMENTO'])[1 + p.i % 5],
         'StatusId', (array['16','3','4','5','1'])[1 + p.i % 5], 'Cancelled', p.i % 5 = 3,
         'Origin', (array['LOJA VIRTUAL','LOJA VIRTUAL','LOJA VIRTUAL','Mercado Livre','Mercado Livre','Shopee','Magazine Luiza'])[1 + p.i % 7],
         'Situation', case when p.i % 20 < 14 then 2 when p.i % 20 < 17 then 0 when p.i % 20 = 17 then 3 when p.i % 20 = 18 then 4 else 1 end,
         'Reason', case when p.i % 20 = 17 then 'O total da Tray (R$ 100,00) difere do calculado (R$ 99,99).' end,
         'SalesOrderId', case when p.i % 20 < 14 or p.i % 20 = 18 then md5('{tenant}:so:' || p.i)::uuid end,
         'ReadyForNfe', case when p.i % 20 < 14 then true end)
       as data, t.mt_dotnet_type
from screens_people p, (select data, mt_dotnet_type from tray_connector.mt_doc_mirroredorder
                         where tenant_id = '{template_tenant}' and data->>'Situation' = '2' and data ? 'LastRead' order by id limit 1) t;

-- table: orders.mt_doc_salesorder
select '{tenant}' as tenant_id, md5('{tenant}:so:' || p.i)::uuid as id, t.data || jsonb_build_object(
         'Id', md5('{tenant}:so:' || p.i)::uuid, 'TenantId', '{tenant}', 'StoreId', '{store}', 'TrayOrderId', (2000000 + p.i)::text,
         'PlacedAt', to_char(p.at at time zone 'America/Sao_Paulo', 'YYYY-MM-DD"T"HH24:MI:SS"-03:00"'),
         'Customer', jsonb_set(jsonb_set(t.data->'Customer', '{Name}', to_jsonb(p.name)), '{TaxId,Value}', to_jsonb(lpad((p.i * 7919 % 99999999999)::text, 11, '0'))),
         'Status', s.status, 'Invoiced', s.status = 4,
         'StatusLabel', (array['Pendente','Pronto para faturar','Cancelado na Tray','Divergente','Faturado'])[1 + s.status],
         'NfeNumber', case when s.status = 4 then p.i end, 'NfeKey', case when s.status = 4 then t.data->'NfeKey' end)
       as data, t.mt_dotnet_type
from screens_people p
cross join lateral (select case when p.i % 20 < 12 then 4 when p.i % 20 < 15 then 1 when p.i % 20 < 17 then 0 when p.i % 20 = 17 then 2 else 3 end as status) s
cross join (select data, mt_dotnet_type from orders.mt_doc_salesorder where tenant_id = '{template_tenant}' and data->>'Status' = '4' order by id limit 1) t
where p.i % 20 < 14 or p.i % 20 = 18;

-- table: invoicing.mt_doc_nferecord
select '{tenant}' as tenant_id, md5('{tenant}:nfe:' || p.i)::uuid as id, t.data || jsonb_build_object(
         'Id', md5('{tenant}:nfe:' || p.i)::uuid, 'SalesOrderId', md5('{tenant}:so:' || p.i)::uuid, 'StoreId', '{store}',
         'TrayOrderId', (2000000 + p.i)::text, 'Number', 1000 + p.i,
         'IssuedAt', to_char(p.at at time zone 'America/Sao_Paulo', 'YYYY-MM-DD"T"HH24:MI:SS"-03:00"'),
         'Status', case when p.i % 100 = 7 then 3 when p.i % 100 = 9 then 0 else 2 end)
       as data, t.mt_dotnet_type
from screens_people p, (select data, mt_dotnet_type from invoicing.mt_doc_nferecord
                         where tenant_id = '{template_tenant}' and data->>'Status' = '2' order by id limit 1) t
where p.i % 20 < 12;

-- table: catalog.mt_doc_product
select '{tenant}' as tenant_id, md5('{tenant}:p:' || g.i)::uuid as id, t.data || jsonb_build_object(
         'Id', md5('{tenant}:p:' || g.i)::uuid, 'Sku', 'SKU-' || lpad(g.i::text, 6, '0'), 'Name', g.name,
         'SearchName', lower(translate(g.name, 'ÁÀÂÃÄÅáàâãäåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÕÖóòôõöÚÙÛÜúùûüÇçÑñÝýÿ', 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuCcNnYyy')),
         'Version', case when g.i % 5 = 0 then 2 else 1 end)
       as data, t.mt_dotnet_type
from (select i, (array['Camiseta','Calça','Tênis','Boné','Jaqueta','Meia','Bermuda','Vestido','Saia','Blusa'])[1 + i % 10]
             || ' ' || (array['Básica','Estampada','Esportiva','Clássica','Térmica','Jeans','Algodão','Poliéster','Infantil','Feminina','Masculina','Unissex'])[1 + (i / 10) % 12]
             || ' ' || (array['Azul','Preta','Branca','Vermelha','Verde','Cinza','Marrom','Lilás'])[1 + (i / 120) % 8] || ' ' || i as name
      from generate_series(1, {p}) i) g,
     (select data, mt_dotnet_type from catalog.mt_doc_product where tenant_id = '{template_tenant}' and data->>'Sku' = 'TELA-0001') t;

-- table: catalog.mt_doc_productlink
select '{tenant}' as tenant_id, '{store}:' || md5('{tenant}:p:' || g.i)::uuid as id, t.data || jsonb_build_object(
         'Id', '{store}:' || md5('{tenant}:p:' || g.i)::uuid, 'ProductId', md5('{tenant}:p:' || g.i)::uuid, 'StoreId', '{store}',
         'TrayProductId', (500000 + g.i)::text, 'Status', case when g.i % 10 = 6 then 'Failed' else 'Exported' end,
         'LastError', case when g.i % 10 = 6 then jsonb_build_object('Reason', 'A Tray recusou o produto: categoria inexistente.',
           'Causes', jsonb_build_array(), 'Retryable', false, 'At', now()) end)
       as data, t.mt_dotnet_type
from generate_series(1, {p}) g(i),
     (select data, mt_dotnet_type from catalog.mt_doc_productlink where tenant_id = '{template_tenant}' order by id limit 1) t
where g.i % 10 < 7;
