import { Field, ID, Int, registerEnumType } from 'type-graphql';
import { AccountType } from './account';
import { FeaturesType, ProductType } from './catalog';
import { ConnectionType } from './connection';
import { MoneyType } from './money';
import { PlainObjectType } from './object-type';
import { DateScalar, DateTimeScalar } from '../scalars';
import { Reads } from '../selection';

export enum ServiceStatusEnum { ACTIVE = 'ACTIVE', DEACTIVATED = 'DEACTIVATED' }
registerEnumType(ServiceStatusEnum, { name: 'ServiceStatus' });

export enum CancellationReasonEnum {
  TOO_EXPENSIVE = 'TOO_EXPENSIVE',
  SWITCHING_PROVIDER = 'SWITCHING_PROVIDER',
  NO_LONGER_NEEDED = 'NO_LONGER_NEEDED',
  TECHNICAL_PROBLEMS = 'TECHNICAL_PROBLEMS',
  OTHER = 'OTHER',
}
registerEnumType(CancellationReasonEnum, { name: 'CancellationReason' });

export enum CancellationStatusEnum { CONFIRMED = 'CONFIRMED', WITHDRAWN = 'WITHDRAWN', COMPLETED = 'COMPLETED' }
registerEnumType(CancellationStatusEnum, { name: 'CancellationStatus' });

@PlainObjectType('Cancellation', { description: 'A confirmed "disdetta": the service is deactivated on effectiveOn without further notice.' })
export class CancellationType {
  @Field(() => ID)
  id: string;

  @Field(() => CancellationReasonEnum)
  reason: CancellationReasonEnum;

  @Field(() => String)
  reasonText: string;

  @Field(() => DateScalar)
  effectiveOn: string;

  @Field(() => CancellationStatusEnum)
  status: CancellationStatusEnum;

  @Field(() => DateTimeScalar)
  confirmedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  withdrawnAt: Date | null;
}

@PlainObjectType('Service')
export class ServiceType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  domain: string;

  // Filled from the request's catalog wherever services are loaded (Loaders.catalog.attachProducts).
  @Field(() => ProductType)
  @Reads('productId')
  product: ProductType;

  @Field(() => ServiceStatusEnum)
  status: ServiceStatusEnum;

  @Field(() => DateScalar, { description: 'Where the last paid term began.' })
  termStartsOn: string;

  @Field(() => DateScalar, { description: 'The day the service is deactivated unless renewed.' })
  expiresOn: string;

  @Field(() => DateScalar, { description: 'The expiry a renewal would give: one year from expiresOn (not from today); 29 February becomes 28 February.' })
  renewalExpiresOn: string;

  @Field(() => DateScalar, { nullable: true })
  deactivatedOn: string | null;

  @Field(() => Int, { description: 'Days from today to expiresOn (negative once past).' })
  daysLeft: number;

  @Field(() => Int, { description: 'Price of one term as last paid, in cents excluding VAT.' })
  recurringPriceCents: number;

  @Field(() => MoneyType)
  recurringPrice: MoneyType;

  @Field(() => Int, { description: "What renewing costs: the product's current list price, in cents excluding VAT." })
  renewalPriceCents: number;

  @Field(() => MoneyType)
  renewalPrice: MoneyType;

  @Field(() => CancellationType, { nullable: true, description: 'The confirmed cancellation, if any.' })
  cancellation: CancellationType | null;

  @Field(() => ServiceType, { nullable: true, description: "For a client's additional domain: the reseller plan hosting it." })
  parentService: ServiceType | null;

  @Field(() => FeaturesType)
  features: FeaturesType;

  @Field(() => AccountType)
  account: AccountType;
}

export const ServiceConnectionType = ConnectionType('Service', ServiceType);
