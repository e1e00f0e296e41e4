/** fedsim's SPs `fedsim attack --target` can attack (light: the command's declaration imports it). */
export const ATTACK_TARGETS = ['org2', 'dropbox'] as const;
export type AttackTargetName = (typeof ATTACK_TARGETS)[number];
