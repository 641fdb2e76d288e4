-- Risk report flows' customers are hidden, as the Report API's (0400): the v2 customer routes
-- and the console's analyses list leave them out; the console lists them as risk reports.
update customers set hidden = true
 where id in (select customer_id from risk_report_flows where customer_id is not null
              union select customer_id from risk_report_users);
