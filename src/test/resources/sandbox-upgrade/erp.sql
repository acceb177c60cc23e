-- H2 2.3.232; 
;              
CREATE USER IF NOT EXISTS "SA" SALT 'f03798de5befd282' HASH 'ca6dd974907fefb9689efb0dc06aa8132a8c61fbf45db7af4ba800aa6826910d' ADMIN;          
CREATE CACHED TABLE "PUBLIC"."CustomersV3"(
    "dataAreaId" VARCHAR_IGNORECASE NOT NULL,
    "CustomerAccount" VARCHAR_IGNORECASE NOT NULL,
    "OrganizationName" VARCHAR_IGNORECASE,
    "PartyType" VARCHAR_IGNORECASE,
    "CustomerGroupId" VARCHAR_IGNORECASE,
    "LanguageId" VARCHAR_IGNORECASE,
    "SalesCurrencyCode" VARCHAR_IGNORECASE,
    "PrimaryContactEmail" VARCHAR_IGNORECASE,
    "PrimaryContactPhone" VARCHAR_IGNORECASE,
    "PrimaryContactFax" VARCHAR_IGNORECASE,
    "PrimaryContactURL" VARCHAR_IGNORECASE,
    "SalesMemo" VARCHAR_IGNORECASE,
    "CreditLimit" DECIMAL(38, 10),
    "OrganizationNumberOfEmployees" INTEGER,
    "DeliveryAddressStreet" VARCHAR_IGNORECASE,
    "DeliveryAddressCity" VARCHAR_IGNORECASE,
    "DeliveryAddressZipCode" VARCHAR_IGNORECASE,
    "DeliveryAddressState" VARCHAR_IGNORECASE,
    "DeliveryAddressCounty" VARCHAR_IGNORECASE,
    "DeliveryAddressCountryRegionISOCode" VARCHAR_IGNORECASE,
    "InvoiceAddressStreet" VARCHAR_IGNORECASE,
    "InvoiceAddressCity" VARCHAR_IGNORECASE,
    "InvoiceAddressZipCode" VARCHAR_IGNORECASE,
    "InvoiceAddressState" VARCHAR_IGNORECASE,
    "InvoiceAddressCounty" VARCHAR_IGNORECASE,
    "InvoiceAddressCountryRegionISOCode" VARCHAR_IGNORECASE,
    "PersonFirstName" VARCHAR_IGNORECASE,
    "PersonMiddleName" VARCHAR_IGNORECASE,
    "PersonLastName" VARCHAR_IGNORECASE,
    "PersonProfessionalTitle" VARCHAR_IGNORECASE,
    "OnHoldStatus" VARCHAR_IGNORECASE,
    "IsExternallyMaintained" VARCHAR_IGNORECASE,
    "ModifiedDateTime" TIMESTAMP(3) WITH TIME ZONE
); 
ALTER TABLE "PUBLIC"."CustomersV3" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_F" PRIMARY KEY("dataAreaId", "CustomerAccount");        
-- 1 +/- SELECT COUNT(*) FROM PUBLIC.CustomersV3;              
INSERT INTO "PUBLIC"."CustomersV3" VALUES
('usmf', 'ACC-OLD-1', 'Old Customer', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'US', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'No', 'Yes', TIMESTAMP WITH TIME ZONE '2026-12-01 09:21:33.985+00');         
CREATE INDEX "PUBLIC"."ix_CustomersV3_ModifiedDateTime" ON "PUBLIC"."CustomersV3"("ModifiedDateTime" NULLS FIRST);             
CREATE CACHED TABLE "PUBLIC"."ContactPersons"(
    "dataAreaId" VARCHAR_IGNORECASE NOT NULL,
    "ContactPersonId" VARCHAR_IGNORECASE NOT NULL,
    "FirstName" VARCHAR_IGNORECASE,
    "MiddleName" VARCHAR_IGNORECASE,
    "LastName" VARCHAR_IGNORECASE,
    "PrimaryEmailAddress" VARCHAR_IGNORECASE,
    "PrimaryPhoneNumber" VARCHAR_IGNORECASE,
    "EmploymentProfession" VARCHAR_IGNORECASE,
    "EmploymentDepartment" VARCHAR_IGNORECASE,
    "PrimaryAddressStreet" VARCHAR_IGNORECASE,
    "PrimaryAddressCity" VARCHAR_IGNORECASE,
    "PrimaryAddressZipCode" VARCHAR_IGNORECASE,
    "PrimaryAddressStateId" VARCHAR_IGNORECASE,
    "PrimaryAddressCountryRegionId" VARCHAR_IGNORECASE,
    "ContactForParty" VARCHAR_IGNORECASE,
    "IsInactive" VARCHAR_IGNORECASE,
    "IsExternallyMaintained" VARCHAR_IGNORECASE,
    "ModifiedDateTime" TIMESTAMP(3) WITH TIME ZONE
); 
ALTER TABLE "PUBLIC"."ContactPersons" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_8" PRIMARY KEY("dataAreaId", "ContactPersonId");     
-- 1 +/- SELECT COUNT(*) FROM PUBLIC.ContactPersons;           
INSERT INTO "PUBLIC"."ContactPersons" VALUES
('usmf', 'CON-OLD-1', NULL, NULL, 'Old', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'ACC-OLD-1', 'No', NULL, TIMESTAMP WITH TIME ZONE '2026-12-01 09:21:33.995+00');   
CREATE INDEX "PUBLIC"."ix_ContactPersons_ModifiedDateTime" ON "PUBLIC"."ContactPersons"("ModifiedDateTime" NULLS FIRST);       
CREATE CACHED TABLE "PUBLIC"."SellableReleasedProducts"(
    "dataAreaId" VARCHAR_IGNORECASE NOT NULL,
    "ProductNumber" VARCHAR_IGNORECASE NOT NULL,
    "ProductMasterNumber" VARCHAR_IGNORECASE,
    "ProductName" VARCHAR_IGNORECASE,
    "ProductDescription" VARCHAR_IGNORECASE,
    "SalesUnitSymbol" VARCHAR_IGNORECASE,
    "SalesPrice" DECIMAL(38, 10),
    "UnitCost" DECIMAL(38, 10),
    "CurrencyCode" VARCHAR_IGNORECASE,
    "ProductType" VARCHAR_IGNORECASE,
    "SalesUnitDecimalPrecision" INTEGER,
    "ModifiedDateTime" TIMESTAMP(3) WITH TIME ZONE
);               
ALTER TABLE "PUBLIC"."SellableReleasedProducts" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_4" PRIMARY KEY("dataAreaId", "ProductNumber");             
-- 3 +/- SELECT COUNT(*) FROM PUBLIC.SellableReleasedProducts; 
INSERT INTO "PUBLIC"."SellableReleasedProducts" VALUES
('demf', 'D1000', NULL, 'Eco Chair', 'The eco chair (D1000)', 'ea', 99.9100000000, 73.8500000000, 'EUR', 'Item', 0, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('usmf', 'D1001', NULL, 'Compact Headset', 'The compact headset (D1001)', 'kg', 1361.7200000000, 680.8600000000, 'USD', 'Item', 3, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
('demf', 'D1002', NULL, 'Compact Printer', 'The compact printer (D1002)', 'kg', 1662.7000000000, 1391.6100000000, 'EUR', 'Item', 3, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');  
CREATE INDEX "PUBLIC"."ix_SellableReleasedProducts_ModifiedDateTime" ON "PUBLIC"."SellableReleasedProducts"("ModifiedDateTime" NULLS FIRST);   
CREATE CACHED TABLE "PUBLIC"."SalesQuotationHeadersV2"(
    "dataAreaId" VARCHAR_IGNORECASE NOT NULL,
    "SalesQuotationNumber" VARCHAR_IGNORECASE NOT NULL,
    "RequestingCustomerAccountNumber" VARCHAR_IGNORECASE,
    "SalesQuotationName" VARCHAR_IGNORECASE,
    "CurrencyCode" VARCHAR_IGNORECASE,
    "DeliveryAddressStreet" VARCHAR_IGNORECASE,
    "DeliveryAddressCity" VARCHAR_IGNORECASE,
    "DeliveryAddressZipCode" VARCHAR_IGNORECASE,
    "DeliveryAddressStateId" VARCHAR_IGNORECASE,
    "DeliveryAddressCountryRegionId" VARCHAR_IGNORECASE,
    "InvoiceAddressStreet" VARCHAR_IGNORECASE,
    "InvoiceAddressCity" VARCHAR_IGNORECASE,
    "InvoiceAddressZipCode" VARCHAR_IGNORECASE,
    "InvoiceAddressStateId" VARCHAR_IGNORECASE,
    "InvoiceAddressCountryRegionId" VARCHAR_IGNORECASE,
    "RequestedShippingDate" TIMESTAMP(3) WITH TIME ZONE,
    "SalesQuotationStatus" VARCHAR_IGNORECASE,
    "TotalAmount" DECIMAL(38, 10),
    "TotalTaxAmount" DECIMAL(38, 10),
    "TotalChargeAmount" DECIMAL(38, 10),
    "IsExternallyMaintained" VARCHAR_IGNORECASE,
    "ModifiedDateTime" TIMESTAMP(3) WITH TIME ZONE
);      
ALTER TABLE "PUBLIC"."SalesQuotationHeadersV2" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_7" PRIMARY KEY("dataAreaId", "SalesQuotationNumber");       
-- 0 +/- SELECT COUNT(*) FROM PUBLIC.SalesQuotationHeadersV2;  
CREATE INDEX "PUBLIC"."ix_SalesQuotationHeadersV2_ModifiedDateTime" ON "PUBLIC"."SalesQuotationHeadersV2"("ModifiedDateTime" NULLS FIRST);     
CREATE CACHED TABLE "PUBLIC"."SalesQuotationLines"(
    "dataAreaId" VARCHAR_IGNORECASE NOT NULL,
    "SalesQuotationNumber" VARCHAR_IGNORECASE NOT NULL,
    "LineCreationSequenceNumber" INTEGER NOT NULL,
    "ProductNumber" VARCHAR_IGNORECASE,
    "LineDescription" VARCHAR_IGNORECASE,
    "RequestedSalesQuantity" DECIMAL(38, 10),
    "SalesPrice" DECIMAL(38, 10),
    "SalesUnitSymbol" VARCHAR_IGNORECASE,
    "LineDiscountAmount" DECIMAL(38, 10),
    "LineAmount" DECIMAL(38, 10),
    "ModifiedDateTime" TIMESTAMP(3) WITH TIME ZONE
);     
ALTER TABLE "PUBLIC"."SalesQuotationLines" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_D" PRIMARY KEY("dataAreaId", "SalesQuotationNumber", "LineCreationSequenceNumber");             
-- 0 +/- SELECT COUNT(*) FROM PUBLIC.SalesQuotationLines;      
CREATE INDEX "PUBLIC"."ix_SalesQuotationLines_ModifiedDateTime" ON "PUBLIC"."SalesQuotationLines"("ModifiedDateTime" NULLS FIRST);             
CREATE CACHED TABLE "PUBLIC"."SalesOrderHeadersV2"(
    "dataAreaId" VARCHAR_IGNORECASE NOT NULL,
    "SalesOrderNumber" VARCHAR_IGNORECASE NOT NULL,
    "OrderingCustomerAccountNumber" VARCHAR_IGNORECASE,
    "InvoiceCustomerAccountNumber" VARCHAR_IGNORECASE,
    "SalesOrderName" VARCHAR_IGNORECASE,
    "SalesQuotationNumber" VARCHAR_IGNORECASE,
    "CurrencyCode" VARCHAR_IGNORECASE,
    "DeliveryAddressStreet" VARCHAR_IGNORECASE,
    "DeliveryAddressCity" VARCHAR_IGNORECASE,
    "DeliveryAddressZipCode" VARCHAR_IGNORECASE,
    "DeliveryAddressStateId" VARCHAR_IGNORECASE,
    "DeliveryAddressCountryRegionId" VARCHAR_IGNORECASE,
    "InvoiceAddressStreet" VARCHAR_IGNORECASE,
    "InvoiceAddressCity" VARCHAR_IGNORECASE,
    "InvoiceAddressZipCode" VARCHAR_IGNORECASE,
    "InvoiceAddressStateId" VARCHAR_IGNORECASE,
    "InvoiceAddressCountryRegionId" VARCHAR_IGNORECASE,
    "RequestedShippingDate" TIMESTAMP(3) WITH TIME ZONE,
    "SalesOrderStatus" VARCHAR_IGNORECASE,
    "DocumentStatus" VARCHAR_IGNORECASE,
    "SalesOrderOriginCode" VARCHAR_IGNORECASE,
    "TotalAmount" DECIMAL(38, 10),
    "TotalTaxAmount" DECIMAL(38, 10),
    "TotalChargeAmount" DECIMAL(38, 10),
    "IsExternallyMaintained" VARCHAR_IGNORECASE,
    "ModifiedDateTime" TIMESTAMP(3) WITH TIME ZONE
);          
ALTER TABLE "PUBLIC"."SalesOrderHeadersV2" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_6" PRIMARY KEY("dataAreaId", "SalesOrderNumber");               
-- 1 +/- SELECT COUNT(*) FROM PUBLIC.SalesOrderHeadersV2;      
INSERT INTO "PUBLIC"."SalesOrderHeadersV2" VALUES
('demf', 'SO-E-000001', 'ACC-01002-OQGQUU', 'ACC-01002-OQGQUU', 'Phone order 1', NULL, 'EUR', '724 Manchester Street', 'Manchester', 'SW6 9AA', 'SCT', 'GBR', '742 Manchester Street', 'London', 'SW3 2AA', 'ENG', 'GBR', TIMESTAMP WITH TIME ZONE '2024-01-09 00:00:00+00', 'Open', 'Confirmation', 'ERP', 23369.3100000000, 1729.2100000000, 25.0000000000, 'No', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');      
CREATE INDEX "PUBLIC"."ix_SalesOrderHeadersV2_ModifiedDateTime" ON "PUBLIC"."SalesOrderHeadersV2"("ModifiedDateTime" NULLS FIRST);             
CREATE CACHED TABLE "PUBLIC"."SalesOrderLines"(
    "dataAreaId" VARCHAR_IGNORECASE NOT NULL,
    "SalesOrderNumber" VARCHAR_IGNORECASE NOT NULL,
    "LineCreationSequenceNumber" INTEGER NOT NULL,
    "ProductNumber" VARCHAR_IGNORECASE,
    "LineDescription" VARCHAR_IGNORECASE,
    "OrderedSalesQuantity" DECIMAL(38, 10),
    "SalesPrice" DECIMAL(38, 10),
    "SalesUnitSymbol" VARCHAR_IGNORECASE,
    "LineDiscountAmount" DECIMAL(38, 10),
    "LineAmount" DECIMAL(38, 10),
    "ModifiedDateTime" TIMESTAMP(3) WITH TIME ZONE
);               
ALTER TABLE "PUBLIC"."SalesOrderLines" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_E" PRIMARY KEY("dataAreaId", "SalesOrderNumber", "LineCreationSequenceNumber");     
-- 1 +/- SELECT COUNT(*) FROM PUBLIC.SalesOrderLines;          
INSERT INTO "PUBLIC"."SalesOrderLines" VALUES
('demf', 'SO-E-000001', 1, 'D1002', NULL, 13.0000000000, 1662.7000000000, 'kg', 0.0000000000, 21615.1000000000, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');              
CREATE INDEX "PUBLIC"."ix_SalesOrderLines_ModifiedDateTime" ON "PUBLIC"."SalesOrderLines"("ModifiedDateTime" NULLS FIRST);     
CREATE CACHED TABLE "PUBLIC"."SalesInvoiceHeadersV2"(
    "dataAreaId" VARCHAR_IGNORECASE NOT NULL,
    "InvoiceNumber" VARCHAR_IGNORECASE NOT NULL,
    "SalesOrderNumber" VARCHAR_IGNORECASE,
    "InvoiceCustomerAccountNumber" VARCHAR_IGNORECASE,
    "InvoiceDate" TIMESTAMP(3) WITH TIME ZONE,
    "CurrencyCode" VARCHAR_IGNORECASE,
    "TotalInvoiceAmount" DECIMAL(38, 10),
    "TotalTaxAmount" DECIMAL(38, 10),
    "TotalChargeAmount" DECIMAL(38, 10),
    "ModifiedDateTime" TIMESTAMP(3) WITH TIME ZONE
);    
ALTER TABLE "PUBLIC"."SalesInvoiceHeadersV2" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_65" PRIMARY KEY("dataAreaId", "InvoiceNumber");               
-- 1 +/- SELECT COUNT(*) FROM PUBLIC.SalesInvoiceHeadersV2;    
INSERT INTO "PUBLIC"."SalesInvoiceHeadersV2" VALUES
('usmf', 'FTI-000001', NULL, 'ACC-01004-DWAATT', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', 'USD', 1191.4000000000, 86.4000000000, 25.0000000000, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');              
CREATE INDEX "PUBLIC"."ix_SalesInvoiceHeadersV2_ModifiedDateTime" ON "PUBLIC"."SalesInvoiceHeadersV2"("ModifiedDateTime" NULLS FIRST);         
CREATE CACHED TABLE "PUBLIC"."SalesInvoiceLines"(
    "dataAreaId" VARCHAR_IGNORECASE NOT NULL,
    "InvoiceNumber" VARCHAR_IGNORECASE NOT NULL,
    "LineCreationSequenceNumber" INTEGER NOT NULL,
    "ProductNumber" VARCHAR_IGNORECASE,
    "LineDescription" VARCHAR_IGNORECASE,
    "InvoicedQuantity" DECIMAL(38, 10),
    "SalesPrice" DECIMAL(38, 10),
    "SalesUnitSymbol" VARCHAR_IGNORECASE,
    "LineDiscountAmount" DECIMAL(38, 10),
    "LineAmount" DECIMAL(38, 10),
    "ModifiedDateTime" TIMESTAMP(3) WITH TIME ZONE
);    
ALTER TABLE "PUBLIC"."SalesInvoiceLines" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_9" PRIMARY KEY("dataAreaId", "InvoiceNumber", "LineCreationSequenceNumber");      
-- 1 +/- SELECT COUNT(*) FROM PUBLIC.SalesInvoiceLines;        
INSERT INTO "PUBLIC"."SalesInvoiceLines" VALUES
('usmf', 'FTI-000001', 1, NULL, 'Consulting hours', 9.0000000000, 120.0000000000, 'h', 0.0000000000, 1080.0000000000, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');      
CREATE INDEX "PUBLIC"."ix_SalesInvoiceLines_ModifiedDateTime" ON "PUBLIC"."SalesInvoiceLines"("ModifiedDateTime" NULLS FIRST); 
CREATE CACHED TABLE "PUBLIC"."$tombstones"(
    "set" CHARACTER VARYING(128) NOT NULL,
    "id" CHARACTER VARYING(400) NOT NULL,
    "deletedon" TIMESTAMP(3) WITH TIME ZONE NOT NULL
);       
-- 0 +/- SELECT COUNT(*) FROM PUBLIC."$tombstones";            
CREATE INDEX "PUBLIC"."ix_tombstones" ON "PUBLIC"."$tombstones"("set" NULLS FIRST, "deletedon" NULLS FIRST);   
