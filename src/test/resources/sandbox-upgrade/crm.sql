-- H2 2.3.232; 
;              
CREATE USER IF NOT EXISTS "SA" SALT 'c90aa586707fe379' HASH '623e81115a09391ec5f83423e61ca9b1ff34869d2d4bfab90d75956d80db9367' ADMIN;          
CREATE CACHED TABLE "PUBLIC"."accounts"(
    "accountid" CHARACTER VARYING(36) NOT NULL,
    "accountnumber" VARCHAR_IGNORECASE,
    "name" VARCHAR_IGNORECASE,
    "customertypecode" INTEGER,
    "emailaddress1" VARCHAR_IGNORECASE,
    "telephone1" VARCHAR_IGNORECASE,
    "fax" VARCHAR_IGNORECASE,
    "websiteurl" VARCHAR_IGNORECASE,
    "description" VARCHAR_IGNORECASE,
    "creditlimit" DECIMAL(38, 10),
    "numberofemployees" INTEGER,
    "address1_line1" VARCHAR_IGNORECASE,
    "address1_city" VARCHAR_IGNORECASE,
    "address1_postalcode" VARCHAR_IGNORECASE,
    "address1_stateorprovince" VARCHAR_IGNORECASE,
    "address1_county" VARCHAR_IGNORECASE,
    "address1_country" VARCHAR_IGNORECASE,
    "address2_line1" VARCHAR_IGNORECASE,
    "address2_city" VARCHAR_IGNORECASE,
    "address2_postalcode" VARCHAR_IGNORECASE,
    "address2_stateorprovince" VARCHAR_IGNORECASE,
    "address2_county" VARCHAR_IGNORECASE,
    "address2_country" VARCHAR_IGNORECASE,
    "_transactioncurrencyid_value" CHARACTER VARYING(36),
    "_owningbusinessunit_value" CHARACTER VARYING(36),
    "statecode" INTEGER,
    "createdon" TIMESTAMP(3) WITH TIME ZONE,
    "modifiedon" TIMESTAMP(3) WITH TIME ZONE
); 
ALTER TABLE "PUBLIC"."accounts" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_8" PRIMARY KEY("accountid");               
-- 6 +/- SELECT COUNT(*) FROM PUBLIC.accounts; 
INSERT INTO "PUBLIC"."accounts" VALUES
('0dfe8af6-aee7-bbe1-0c45-c0284f083ce4', 'ACC-01000-RNQDPA', U&'\4e0a\6d77\8d38\6613\96c6\56e2 1', 3, 'info0@example-0.com', '+1 555 8032', '+1 555 6170', 'https://www.example0.com', U&'Key account since 2017.\000aSays "hello" & waves; \00fcmlauts, \4e2d\6587.', NULL, 7227, '322 Osaka Street', U&'\6771\4eac', '087-6060', '13', U&'\6e2f\533a', 'Japan', '535 Osaka Street', U&'\5927\962a', '375-4757', '13', NULL, NULL, '5c5a9f3e-0000-4000-8000-000000000840', 'b0000000-0000-4000-8000-00000000a001', 0, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('6aed9210-c500-4375-f95a-672314a5c4b6', 'ACC-01001-XBTJGJ', U&'\0417\0410\041e \0412\0435\043a\0442\043e\0440 2', 8, 'info1@example-1.com', '+1 555 3775', '+1 555 2390', 'https://www.example1.com', NULL, 69104.2900000000, 23734, U&'51 \0421\0430\043d\043a\0442-\041f\0435\0442\0435\0440\0431\0443\0440\0433 Street', U&'\041d\043e\0432\043e\0441\0438\0431\0438\0440\0441\043a', '304327', 'MOW', U&'\041d\0435\0432\0441\043a\0438\0439', U&'\0420\043e\0441\0441\0438\044f', NULL, NULL, NULL, NULL, NULL, NULL, '5c5a9f3e-0000-4000-8000-000000000840', 'b0000000-0000-4000-8000-00000000a001', 0, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('5846ac1e-2de4-dd0e-f665-8a2ddd9da64b', 'ACC-01002-OQGQUU', U&'Soci\00e9t\00e9 G\00e9n\00e9rale de N\00e9goce 3', 3, 'info2@example-2.com', '+1 555 3246', NULL, 'https://www.example2.com', U&'Key account since 2014.\000aSays "hello" & waves; \00fcmlauts, \4e2d\6587.', 22075.9700000000, 44032, '724 Manchester Street', 'Manchester', 'SW6 9AA', 'SCT', NULL, 'United Kingdom', '742 Manchester Street', 'London', 'SW3 2AA', 'ENG', 'Kent', 'United Kingdom', '5c5a9f3e-0000-4000-8000-000000000978', 'b0000000-0000-4000-8000-00000000a002', 0, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('b1ada3c5-2052-6ee7-17ba-b8637f50d0bb', 'ACC-01003-NTLWTQ', U&'\6df1\5733\7535\5b50\6709\9650\516c\53f8 4', 3, 'info3@example-3.com', '+1 555 8035', NULL, 'https://www.example3.com', NULL, 52902.9900000000, NULL, U&'594 \6df1\5733 Street', U&'\5317\4eac', '460050', 'GD', NULL, 'China', U&'972 \5317\4eac Street', U&'\5317\4eac', '612692', 'GD', U&'\671d\9633\533a', 'China', '5c5a9f3e-0000-4000-8000-000000000840', 'b0000000-0000-4000-8000-00000000a001', 0, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('e2ce2fe3-2bbd-76b8-e9a4-0596ce2e160d', 'ACC-01004-DWAATT', U&'\0141\00f3d\017a Trading Sp. z o.o. 5', 3, 'info4@example-4.com', '+1 555 6668', '+1 555 7188', 'https://www.example4.com', U&'Key account since 2001.\000aSays "hello" & waves; \00fcmlauts, \4e2d\6587.', 68259.9100000000, 26781, '481 Seattle Street', 'Chicago', '84591', 'IL', 'Cook', 'USA', '751 Seattle Street', 'Austin', '34757', 'TX', 'Travis', 'USA', '5c5a9f3e-0000-4000-8000-000000000840', 'b0000000-0000-4000-8000-00000000a001', 0, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('a3ff3194-65c4-ede5-d442-1e7c92d32bde', 'ACC-01005-MQTLZA', U&'\6df1\5733\7535\5b50\6709\9650\516c\53f8 6', 3, 'info5@example-5.com', '+1 555 9425', '+1 555 8095', 'https://www.example5.com', U&'Key account since 2003.\000aSays "hello" & waves; \00fcmlauts, \4e2d\6587.', NULL, 1359, U&'172 \6771\4eac Street', U&'\5927\962a', '475-7964', '27', U&'\6e2f\533a', 'Japan', NULL, NULL, NULL, NULL, NULL, NULL, '5c5a9f3e-0000-4000-8000-000000000840', 'b0000000-0000-4000-8000-00000000a001', 0, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');  
CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."ak_accounts_0" ON "PUBLIC"."accounts"("accountnumber" NULLS FIRST);               
CREATE INDEX "PUBLIC"."ix_accounts_modifiedon" ON "PUBLIC"."accounts"("modifiedon" NULLS FIRST);               
CREATE CACHED TABLE "PUBLIC"."transactioncurrencies"(
    "transactioncurrencyid" CHARACTER VARYING(36) NOT NULL,
    "isocurrencycode" VARCHAR_IGNORECASE,
    "currencyname" VARCHAR_IGNORECASE,
    "modifiedon" TIMESTAMP(3) WITH TIME ZONE
);             
ALTER TABLE "PUBLIC"."transactioncurrencies" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_E" PRIMARY KEY("transactioncurrencyid");      
-- 2 +/- SELECT COUNT(*) FROM PUBLIC.transactioncurrencies;    
INSERT INTO "PUBLIC"."transactioncurrencies" VALUES
('5c5a9f3e-0000-4000-8000-000000000840', 'USD', 'US Dollar', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('5c5a9f3e-0000-4000-8000-000000000978', 'EUR', 'Euro', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');               
CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."ak_transactioncurrencies_0" ON "PUBLIC"."transactioncurrencies"("isocurrencycode" NULLS FIRST);   
CREATE INDEX "PUBLIC"."ix_transactioncurrencies_modifiedon" ON "PUBLIC"."transactioncurrencies"("modifiedon" NULLS FIRST);     
CREATE CACHED TABLE "PUBLIC"."businessunits"(
    "businessunitid" CHARACTER VARYING(36) NOT NULL,
    "name" VARCHAR_IGNORECASE,
    "cdm_companycode" VARCHAR_IGNORECASE,
    "_transactioncurrencyid_value" CHARACTER VARYING(36),
    "modifiedon" TIMESTAMP(3) WITH TIME ZONE
);          
ALTER TABLE "PUBLIC"."businessunits" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_2" PRIMARY KEY("businessunitid");     
-- 2 +/- SELECT COUNT(*) FROM PUBLIC.businessunits;            
INSERT INTO "PUBLIC"."businessunits" VALUES
('b0000000-0000-4000-8000-00000000a001', 'Contoso USA (usmf)', 'usmf', '5c5a9f3e-0000-4000-8000-000000000840', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('b0000000-0000-4000-8000-00000000a002', 'Contoso Europe (demf)', 'demf', '5c5a9f3e-0000-4000-8000-000000000978', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');           
CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."ak_businessunits_0" ON "PUBLIC"."businessunits"("cdm_companycode" NULLS FIRST);   
CREATE INDEX "PUBLIC"."ix_businessunits_modifiedon" ON "PUBLIC"."businessunits"("modifiedon" NULLS FIRST);     
CREATE CACHED TABLE "PUBLIC"."contacts"(
    "contactid" CHARACTER VARYING(36) NOT NULL,
    "cdm_contactnumber" VARCHAR_IGNORECASE,
    "firstname" VARCHAR_IGNORECASE,
    "middlename" VARCHAR_IGNORECASE,
    "lastname" VARCHAR_IGNORECASE,
    "jobtitle" VARCHAR_IGNORECASE,
    "department" VARCHAR_IGNORECASE,
    "emailaddress1" VARCHAR_IGNORECASE,
    "telephone1" VARCHAR_IGNORECASE,
    "address1_line1" VARCHAR_IGNORECASE,
    "address1_city" VARCHAR_IGNORECASE,
    "address1_postalcode" VARCHAR_IGNORECASE,
    "address1_stateorprovince" VARCHAR_IGNORECASE,
    "address1_county" VARCHAR_IGNORECASE,
    "address1_country" VARCHAR_IGNORECASE,
    "_parentcustomerid_value" CHARACTER VARYING(36),
    "msdyn_isactivecustomer" BOOLEAN,
    "_transactioncurrencyid_value" CHARACTER VARYING(36),
    "_owningbusinessunit_value" CHARACTER VARYING(36),
    "statecode" INTEGER,
    "createdon" TIMESTAMP(3) WITH TIME ZONE,
    "modifiedon" TIMESTAMP(3) WITH TIME ZONE
); 
ALTER TABLE "PUBLIC"."contacts" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_D" PRIMARY KEY("contactid");               
-- 4 +/- SELECT COUNT(*) FROM PUBLIC.contacts; 
INSERT INTO "PUBLIC"."contacts" VALUES
('c4f10881-eb35-efc2-7256-e4b337a471e6', 'CON-001000', U&'\041c\0430\0440\0438\044f', NULL, 'O''Connor', 'Office manager', 'IT', 'person0@example-0.com', '+1 555 9213', '724 Manchester Street', 'Manchester', 'SW6 9AA', 'SCT', NULL, 'United Kingdom', '5846ac1e-2de4-dd0e-f665-8a2ddd9da64b', FALSE, '5c5a9f3e-0000-4000-8000-000000000978', 'b0000000-0000-4000-8000-00000000a002', 0, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('b7de8f70-de36-959c-12bb-8e2bdf4378e3', 'CON-001001', 'Li', 'J.', U&'N\00f8rgaard', 'Head of IT', 'Purchasing', 'person1@example-1.com', '+1 555 9412', '481 Seattle Street', 'Chicago', '84591', 'IL', 'Cook', 'USA', 'e2ce2fe3-2bbd-76b8-e9a4-0596ce2e160d', FALSE, '5c5a9f3e-0000-4000-8000-000000000840', 'b0000000-0000-4000-8000-00000000a001', 0, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('a5b8890e-d82d-21a2-6bd3-bb2e15125b6c', 'CON-001002', 'Li', NULL, U&'\0627\0644\0639\0644\064a', 'Office manager', 'Finance', 'person2@example-2.com', '+1 555 1419', U&'51 \0421\0430\043d\043a\0442-\041f\0435\0442\0435\0440\0431\0443\0440\0433 Street', U&'\041d\043e\0432\043e\0441\0438\0431\0438\0440\0441\043a', '304327', 'MOW', U&'\041d\0435\0432\0441\043a\0438\0439', U&'\0420\043e\0441\0441\0438\044f', '6aed9210-c500-4375-f95a-672314a5c4b6', FALSE, '5c5a9f3e-0000-4000-8000-000000000840', 'b0000000-0000-4000-8000-00000000a001', 0, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('a9bf046d-c722-db6b-85b2-117dcc0e62b0', 'CON-001003', U&'Se\00e1n', NULL, U&'\0418\0432\0430\043d\043e\0432\0430', 'Buyer', 'Operations', 'person3@example-3.com', '+1 555 9618', '724 Manchester Street', 'Manchester', 'SW6 9AA', 'SCT', NULL, 'United Kingdom', '5846ac1e-2de4-dd0e-f665-8a2ddd9da64b', FALSE, '5c5a9f3e-0000-4000-8000-000000000978', 'b0000000-0000-4000-8000-00000000a002', 0, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');      
CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."ak_contacts_0" ON "PUBLIC"."contacts"("cdm_contactnumber" NULLS FIRST);           
CREATE INDEX "PUBLIC"."ix_contacts_modifiedon" ON "PUBLIC"."contacts"("modifiedon" NULLS FIRST);               
CREATE CACHED TABLE "PUBLIC"."uoms"(
    "uomid" CHARACTER VARYING(36) NOT NULL,
    "name" VARCHAR_IGNORECASE,
    "quantity" DECIMAL(38, 10),
    "modifiedon" TIMESTAMP(3) WITH TIME ZONE
);
ALTER TABLE "PUBLIC"."uoms" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_3" PRIMARY KEY("uomid");       
-- 5 +/- SELECT COUNT(*) FROM PUBLIC.uoms;     
INSERT INTO "PUBLIC"."uoms" VALUES
('bc88a893-b4a5-31dd-acb1-f050a414f4d8', 'Each', 1.0000000000, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('374af6a4-93eb-34c1-8dfb-7d172b66562c', 'Box', 1.0000000000, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('9247337b-7f8e-3c88-9751-66e839b3ac1a', 'kg', 1.0000000000, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('2725ecb6-7676-3906-af1d-ce8623debbf0', 'Hour', 1.0000000000, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('646ae772-2208-3db4-92cf-c7b4882c5f22', 'Dozen', 1.0000000000, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');
CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."ak_uoms_0" ON "PUBLIC"."uoms"("name" NULLS FIRST);
CREATE INDEX "PUBLIC"."ix_uoms_modifiedon" ON "PUBLIC"."uoms"("modifiedon" NULLS FIRST);       
CREATE CACHED TABLE "PUBLIC"."products"(
    "productid" CHARACTER VARYING(36) NOT NULL,
    "productnumber" VARCHAR_IGNORECASE,
    "name" VARCHAR_IGNORECASE,
    "description" VARCHAR_IGNORECASE,
    "_defaultuomid_value" CHARACTER VARYING(36),
    "price" DECIMAL(38, 10),
    "currentcost" DECIMAL(38, 10),
    "_transactioncurrencyid_value" CHARACTER VARYING(36),
    "producttypecode" INTEGER,
    "quantitydecimal" INTEGER,
    "msdyn_externallymaintained" BOOLEAN,
    "statecode" INTEGER,
    "createdon" TIMESTAMP(3) WITH TIME ZONE,
    "modifiedon" TIMESTAMP(3) WITH TIME ZONE
); 
ALTER TABLE "PUBLIC"."products" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_C" PRIMARY KEY("productid");               
-- 2 +/- SELECT COUNT(*) FROM PUBLIC.products; 
INSERT INTO "PUBLIC"."products" VALUES
('fe77f2dc-d1d6-3bb6-b358-71b401ff9661', 'D1000', 'Eco Chair', 'The eco chair (D1000)', 'bc88a893-b4a5-31dd-acb1-f050a414f4d8', 99.9100000000, 73.8500000000, '5c5a9f3e-0000-4000-8000-000000000978', 1, 0, TRUE, 0, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('c4d54c86-bc5a-3df0-ab4c-c565ecb8674a', 'D1002', 'Compact Printer', 'The compact printer (D1002)', '9247337b-7f8e-3c88-9751-66e839b3ac1a', 1662.7000000000, 1391.6100000000, '5c5a9f3e-0000-4000-8000-000000000978', 1, 3, TRUE, 0, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'); 
CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."ak_products_0" ON "PUBLIC"."products"("productnumber" NULLS FIRST);               
CREATE INDEX "PUBLIC"."ix_products_modifiedon" ON "PUBLIC"."products"("modifiedon" NULLS FIRST);               
CREATE CACHED TABLE "PUBLIC"."pricelevels"(
    "pricelevelid" CHARACTER VARYING(36) NOT NULL,
    "name" VARCHAR_IGNORECASE,
    "_transactioncurrencyid_value" CHARACTER VARYING(36),
    "modifiedon" TIMESTAMP(3) WITH TIME ZONE
);        
ALTER TABLE "PUBLIC"."pricelevels" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_85" PRIMARY KEY("pricelevelid");        
-- 2 +/- SELECT COUNT(*) FROM PUBLIC.pricelevels;              
INSERT INTO "PUBLIC"."pricelevels" VALUES
('c0000000-0000-4000-8000-000000000840', 'CRM Service USA (sample)', '5c5a9f3e-0000-4000-8000-000000000840', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('c0000000-0000-4000-8000-000000000978', 'CRM Service Europe (sample)', '5c5a9f3e-0000-4000-8000-000000000978', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'); 
CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."ak_pricelevels_0" ON "PUBLIC"."pricelevels"("name" NULLS FIRST);  
CREATE INDEX "PUBLIC"."ix_pricelevels_modifiedon" ON "PUBLIC"."pricelevels"("modifiedon" NULLS FIRST);         
CREATE CACHED TABLE "PUBLIC"."productpricelevels"(
    "productpricelevelid" CHARACTER VARYING(36) NOT NULL,
    "_pricelevelid_value" CHARACTER VARYING(36),
    "_productid_value" CHARACTER VARYING(36),
    "_uomid_value" CHARACTER VARYING(36),
    "amount" DECIMAL(38, 10),
    "_transactioncurrencyid_value" CHARACTER VARYING(36),
    "modifiedon" TIMESTAMP(3) WITH TIME ZONE
);  
ALTER TABLE "PUBLIC"."productpricelevels" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_4" PRIMARY KEY("productpricelevelid");           
-- 2 +/- SELECT COUNT(*) FROM PUBLIC.productpricelevels;       
INSERT INTO "PUBLIC"."productpricelevels" VALUES
('5d93842b-14d0-3c03-b54d-a2cf3b3d6011', 'c0000000-0000-4000-8000-000000000978', 'fe77f2dc-d1d6-3bb6-b358-71b401ff9661', 'bc88a893-b4a5-31dd-acb1-f050a414f4d8', 99.9100000000, '5c5a9f3e-0000-4000-8000-000000000978', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('31520f9d-b622-31d3-b9fb-4f73ffdf2153', 'c0000000-0000-4000-8000-000000000978', 'c4d54c86-bc5a-3df0-ab4c-c565ecb8674a', '9247337b-7f8e-3c88-9751-66e839b3ac1a', 1662.7000000000, '5c5a9f3e-0000-4000-8000-000000000978', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');     
CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."ak_productpricelevels_0" ON "PUBLIC"."productpricelevels"("_pricelevelid_value" NULLS FIRST, "_productid_value" NULLS FIRST);     
CREATE INDEX "PUBLIC"."ix_productpricelevels_modifiedon" ON "PUBLIC"."productpricelevels"("modifiedon" NULLS FIRST);           
CREATE CACHED TABLE "PUBLIC"."quotes"(
    "quoteid" CHARACTER VARYING(36) NOT NULL,
    "quotenumber" VARCHAR_IGNORECASE,
    "name" VARCHAR_IGNORECASE,
    "_customerid_value" CHARACTER VARYING(36),
    "_transactioncurrencyid_value" CHARACTER VARYING(36),
    "_pricelevelid_value" CHARACTER VARYING(36),
    "_owningbusinessunit_value" CHARACTER VARYING(36),
    "statecode" INTEGER,
    "statuscode" INTEGER,
    "shipto_line1" VARCHAR_IGNORECASE,
    "shipto_city" VARCHAR_IGNORECASE,
    "shipto_postalcode" VARCHAR_IGNORECASE,
    "shipto_stateorprovince" VARCHAR_IGNORECASE,
    "shipto_country" VARCHAR_IGNORECASE,
    "billto_line1" VARCHAR_IGNORECASE,
    "billto_city" VARCHAR_IGNORECASE,
    "billto_postalcode" VARCHAR_IGNORECASE,
    "billto_stateorprovince" VARCHAR_IGNORECASE,
    "billto_country" VARCHAR_IGNORECASE,
    "requestdeliveryby" TIMESTAMP(3) WITH TIME ZONE,
    "totalamount" DECIMAL(38, 10),
    "totaltax" DECIMAL(38, 10),
    "freightamount" DECIMAL(38, 10),
    "createdon" TIMESTAMP(3) WITH TIME ZONE,
    "modifiedon" TIMESTAMP(3) WITH TIME ZONE
);  
ALTER TABLE "PUBLIC"."quotes" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_C7" PRIMARY KEY("quoteid");  
-- 2 +/- SELECT COUNT(*) FROM PUBLIC.quotes;   
INSERT INTO "PUBLIC"."quotes" VALUES
('b3fac602-490e-3464-9177-ffbd7a52c17e', 'QUO-01000', 'Quote for ACC-01000-RNQDPA', '0dfe8af6-aee7-bbe1-0c45-c0284f083ce4', '5c5a9f3e-0000-4000-8000-000000000840', 'c0000000-0000-4000-8000-000000000840', 'b0000000-0000-4000-8000-00000000a001', 1, 2, '322 Osaka Street', U&'\6771\4eac', '087-6060', '13', 'Japan', '535 Osaka Street', U&'\5927\962a', '375-4757', '13', NULL, TIMESTAMP WITH TIME ZONE '2024-03-13 00:00:00+00', 0.0000000000, 0.0000000000, 0.0000000000, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('271428f5-5803-316d-9fb8-4fa440aeb2cf', 'QUO-01001', 'Quote for ACC-01004-DWAATT', 'e2ce2fe3-2bbd-76b8-e9a4-0596ce2e160d', '5c5a9f3e-0000-4000-8000-000000000840', 'c0000000-0000-4000-8000-000000000840', 'b0000000-0000-4000-8000-00000000a001', 0, 1, '481 Seattle Street', 'Chicago', '84591', 'IL', 'USA', '751 Seattle Street', 'Austin', '34757', 'TX', 'USA', TIMESTAMP WITH TIME ZONE '2024-01-26 00:00:00+00', 25.0000000000, 0.0000000000, 25.0000000000, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');     
CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."ak_quotes_0" ON "PUBLIC"."quotes"("quotenumber" NULLS FIRST);     
CREATE INDEX "PUBLIC"."ix_quotes_modifiedon" ON "PUBLIC"."quotes"("modifiedon" NULLS FIRST);   
CREATE CACHED TABLE "PUBLIC"."quotedetails"(
    "quotedetailid" CHARACTER VARYING(36) NOT NULL,
    "_quoteid_value" CHARACTER VARYING(36),
    "sequencenumber" INTEGER,
    "_productid_value" CHARACTER VARYING(36),
    "isproductoverridden" BOOLEAN,
    "productdescription" VARCHAR_IGNORECASE,
    "quantity" DECIMAL(38, 10),
    "priceperunit" DECIMAL(38, 10),
    "_uomid_value" CHARACTER VARYING(36),
    "manualdiscountamount" DECIMAL(38, 10),
    "extendedamount" DECIMAL(38, 10),
    "createdon" TIMESTAMP(3) WITH TIME ZONE,
    "modifiedon" TIMESTAMP(3) WITH TIME ZONE
);          
ALTER TABLE "PUBLIC"."quotedetails" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_E5" PRIMARY KEY("quotedetailid");      
-- 0 +/- SELECT COUNT(*) FROM PUBLIC.quotedetails;             
CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."ak_quotedetails_0" ON "PUBLIC"."quotedetails"("_quoteid_value" NULLS FIRST, "sequencenumber" NULLS FIRST);        
CREATE INDEX "PUBLIC"."ix_quotedetails_modifiedon" ON "PUBLIC"."quotedetails"("modifiedon" NULLS FIRST);       
CREATE CACHED TABLE "PUBLIC"."salesorders"(
    "salesorderid" CHARACTER VARYING(36) NOT NULL,
    "ordernumber" VARCHAR_IGNORECASE,
    "name" VARCHAR_IGNORECASE,
    "_quoteid_value" CHARACTER VARYING(36),
    "msdyn_processingstatus" VARCHAR_IGNORECASE,
    "msdyn_origin" VARCHAR_IGNORECASE,
    "_customerid_value" CHARACTER VARYING(36),
    "_transactioncurrencyid_value" CHARACTER VARYING(36),
    "_pricelevelid_value" CHARACTER VARYING(36),
    "_owningbusinessunit_value" CHARACTER VARYING(36),
    "statecode" INTEGER,
    "statuscode" INTEGER,
    "shipto_line1" VARCHAR_IGNORECASE,
    "shipto_city" VARCHAR_IGNORECASE,
    "shipto_postalcode" VARCHAR_IGNORECASE,
    "shipto_stateorprovince" VARCHAR_IGNORECASE,
    "shipto_country" VARCHAR_IGNORECASE,
    "billto_line1" VARCHAR_IGNORECASE,
    "billto_city" VARCHAR_IGNORECASE,
    "billto_postalcode" VARCHAR_IGNORECASE,
    "billto_stateorprovince" VARCHAR_IGNORECASE,
    "billto_country" VARCHAR_IGNORECASE,
    "requestdeliveryby" TIMESTAMP(3) WITH TIME ZONE,
    "totalamount" DECIMAL(38, 10),
    "totaltax" DECIMAL(38, 10),
    "freightamount" DECIMAL(38, 10),
    "createdon" TIMESTAMP(3) WITH TIME ZONE,
    "modifiedon" TIMESTAMP(3) WITH TIME ZONE
);    
ALTER TABLE "PUBLIC"."salesorders" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_82" PRIMARY KEY("salesorderid");        
-- 1 +/- SELECT COUNT(*) FROM PUBLIC.salesorders;              
INSERT INTO "PUBLIC"."salesorders" VALUES
('3f1adf6d-967f-3f2b-8c5e-115d91ef0c71', 'ORD-01000', 'Order for ACC-01002-OQGQUU', NULL, NULL, 'CRM', '5846ac1e-2de4-dd0e-f665-8a2ddd9da64b', '5c5a9f3e-0000-4000-8000-000000000978', 'c0000000-0000-4000-8000-000000000978', 'b0000000-0000-4000-8000-00000000a002', 1, 3, '724 Manchester Street', 'Manchester', 'SW6 9AA', 'SCT', 'United Kingdom', '742 Manchester Street', 'London', 'SW3 2AA', 'ENG', 'United Kingdom', TIMESTAMP WITH TIME ZONE '2024-01-25 00:00:00+00', 32469.4200000000, 2405.1400000000, 0.0000000000, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');            
CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."ak_salesorders_0" ON "PUBLIC"."salesorders"("ordernumber" NULLS FIRST);           
CREATE INDEX "PUBLIC"."ix_salesorders_modifiedon" ON "PUBLIC"."salesorders"("modifiedon" NULLS FIRST);         
CREATE CACHED TABLE "PUBLIC"."salesorderdetails"(
    "salesorderdetailid" CHARACTER VARYING(36) NOT NULL,
    "_salesorderid_value" CHARACTER VARYING(36),
    "sequencenumber" INTEGER,
    "_productid_value" CHARACTER VARYING(36),
    "isproductoverridden" BOOLEAN,
    "productdescription" VARCHAR_IGNORECASE,
    "quantity" DECIMAL(38, 10),
    "priceperunit" DECIMAL(38, 10),
    "_uomid_value" CHARACTER VARYING(36),
    "manualdiscountamount" DECIMAL(38, 10),
    "extendedamount" DECIMAL(38, 10),
    "createdon" TIMESTAMP(3) WITH TIME ZONE,
    "modifiedon" TIMESTAMP(3) WITH TIME ZONE
);           
ALTER TABLE "PUBLIC"."salesorderdetails" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_D2" PRIMARY KEY("salesorderdetailid");            
-- 2 +/- SELECT COUNT(*) FROM PUBLIC.salesorderdetails;        
INSERT INTO "PUBLIC"."salesorderdetails" VALUES
('3a06e550-d277-354f-9e33-979f3f329a27', '3f1adf6d-967f-3f2b-8c5e-115d91ef0c71', 1, 'fe77f2dc-d1d6-3bb6-b358-71b401ff9661', FALSE, NULL, 18.0000000000, 99.9100000000, 'bc88a893-b4a5-31dd-acb1-f050a414f4d8', 0.0000000000, 1798.3800000000, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('b525eda0-5ea3-3c8d-9bb1-2e9f04e0d967', '3f1adf6d-967f-3f2b-8c5e-115d91ef0c71', 2, 'c4d54c86-bc5a-3df0-ab4c-c565ecb8674a', FALSE, NULL, 17.0000000000, 1662.7000000000, '9247337b-7f8e-3c88-9751-66e839b3ac1a', 0.0000000000, 28265.9000000000, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');   
CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."ak_salesorderdetails_0" ON "PUBLIC"."salesorderdetails"("_salesorderid_value" NULLS FIRST, "sequencenumber" NULLS FIRST);         
CREATE INDEX "PUBLIC"."ix_salesorderdetails_modifiedon" ON "PUBLIC"."salesorderdetails"("modifiedon" NULLS FIRST);             
CREATE CACHED TABLE "PUBLIC"."invoices"(
    "invoiceid" CHARACTER VARYING(36) NOT NULL,
    "invoicenumber" VARCHAR_IGNORECASE,
    "name" VARCHAR_IGNORECASE,
    "_salesorderid_value" CHARACTER VARYING(36),
    "invoicedate" TIMESTAMP(3) WITH TIME ZONE,
    "datedelivered" TIMESTAMP(3) WITH TIME ZONE,
    "_customerid_value" CHARACTER VARYING(36),
    "_transactioncurrencyid_value" CHARACTER VARYING(36),
    "_pricelevelid_value" CHARACTER VARYING(36),
    "_owningbusinessunit_value" CHARACTER VARYING(36),
    "statecode" INTEGER,
    "statuscode" INTEGER,
    "shipto_line1" VARCHAR_IGNORECASE,
    "shipto_city" VARCHAR_IGNORECASE,
    "shipto_postalcode" VARCHAR_IGNORECASE,
    "shipto_stateorprovince" VARCHAR_IGNORECASE,
    "shipto_country" VARCHAR_IGNORECASE,
    "billto_line1" VARCHAR_IGNORECASE,
    "billto_city" VARCHAR_IGNORECASE,
    "billto_postalcode" VARCHAR_IGNORECASE,
    "billto_stateorprovince" VARCHAR_IGNORECASE,
    "billto_country" VARCHAR_IGNORECASE,
    "requestdeliveryby" TIMESTAMP(3) WITH TIME ZONE,
    "totalamount" DECIMAL(38, 10),
    "totaltax" DECIMAL(38, 10),
    "freightamount" DECIMAL(38, 10),
    "createdon" TIMESTAMP(3) WITH TIME ZONE,
    "modifiedon" TIMESTAMP(3) WITH TIME ZONE
);           
ALTER TABLE "PUBLIC"."invoices" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_25" PRIMARY KEY("invoiceid");              
-- 0 +/- SELECT COUNT(*) FROM PUBLIC.invoices; 
CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."ak_invoices_0" ON "PUBLIC"."invoices"("invoicenumber" NULLS FIRST);               
CREATE INDEX "PUBLIC"."ix_invoices_modifiedon" ON "PUBLIC"."invoices"("modifiedon" NULLS FIRST);               
CREATE CACHED TABLE "PUBLIC"."invoicedetails"(
    "invoicedetailid" CHARACTER VARYING(36) NOT NULL,
    "_invoiceid_value" CHARACTER VARYING(36),
    "sequencenumber" INTEGER,
    "_productid_value" CHARACTER VARYING(36),
    "isproductoverridden" BOOLEAN,
    "productdescription" VARCHAR_IGNORECASE,
    "quantity" DECIMAL(38, 10),
    "priceperunit" DECIMAL(38, 10),
    "_uomid_value" CHARACTER VARYING(36),
    "manualdiscountamount" DECIMAL(38, 10),
    "extendedamount" DECIMAL(38, 10),
    "createdon" TIMESTAMP(3) WITH TIME ZONE,
    "modifiedon" TIMESTAMP(3) WITH TIME ZONE
);    
ALTER TABLE "PUBLIC"."invoicedetails" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_1" PRIMARY KEY("invoicedetailid");   
-- 0 +/- SELECT COUNT(*) FROM PUBLIC.invoicedetails;           
CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."ak_invoicedetails_0" ON "PUBLIC"."invoicedetails"("_invoiceid_value" NULLS FIRST, "sequencenumber" NULLS FIRST);  
CREATE INDEX "PUBLIC"."ix_invoicedetails_modifiedon" ON "PUBLIC"."invoicedetails"("modifiedon" NULLS FIRST);   
CREATE CACHED TABLE "PUBLIC"."$tombstones"(
    "set" CHARACTER VARYING(128) NOT NULL,
    "id" CHARACTER VARYING(400) NOT NULL,
    "deletedon" TIMESTAMP(3) WITH TIME ZONE NOT NULL
);       
-- 0 +/- SELECT COUNT(*) FROM PUBLIC."$tombstones";            
CREATE INDEX "PUBLIC"."ix_tombstones" ON "PUBLIC"."$tombstones"("set" NULLS FIRST, "deletedon" NULLS FIRST);   
