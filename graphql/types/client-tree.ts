import { Field } from 'type-graphql';
import { AccountType } from './account';
import { ConnectionType } from './connection';
import { PlainObjectType } from './object-type';
import { ServiceType } from './service';

@PlainObjectType('Domain', { description: 'A domain name of an account with the services attached to it (its main service, PEC mailboxes…).' })
export class DomainType {
  @Field(() => String)
  name: string;

  @Field(() => [ServiceType])
  services: ServiceType[];
}

export const AccountConnectionType = ConnectionType('Account', AccountType);
